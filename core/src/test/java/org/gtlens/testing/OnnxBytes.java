package org.gtlens.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Builds and edits ONNX protobuf bytes by hand, so refusal tests can make broken models without Python: a model
 * with its metadata replaced, and a tiny valid ONNX model that has nothing to do with the contract.
 */
public final class OnnxBytes {

    private static final int MODEL_METADATA_PROPS = 14;

    private OnnxBytes() {
    }

    /** The model with its metadata_props replaced by {@code metadata} (other fields kept byte for byte). */
    public static byte[] withMetadata(byte[] model, Map<String, String> metadata) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int pos = 0;
        while (pos < model.length) {
            int start = pos;
            long[] tag = varint(model, pos);
            pos = (int) tag[1];
            int field = (int) (tag[0] >>> 3);
            int wire = (int) (tag[0] & 7);
            switch (wire) {
                case 0 -> pos = (int) varint(model, pos)[1];
                case 1 -> pos += 8;
                case 2 -> {
                    long[] len = varint(model, pos);
                    pos = (int) len[1] + (int) len[0];
                }
                case 5 -> pos += 4;
                default -> throw new IllegalArgumentException("wire type " + wire);
            }
            if (field != MODEL_METADATA_PROPS) {
                out.write(model, start, pos - start);
            }
        }
        for (Map.Entry<String, String> e : metadata.entrySet()) {
            ByteArrayOutputStream entry = new ByteArrayOutputStream();
            string(entry, 1, e.getKey());
            string(entry, 2, e.getValue());
            bytes(out, MODEL_METADATA_PROPS, entry.toByteArray());
        }
        return out.toByteArray();
    }

    /** A valid ONNX model y = Identity(x) with float x[1], and no contract at all. */
    public static byte[] identityModel() {
        ByteArrayOutputStream node = new ByteArrayOutputStream();
        string(node, 1, "x");
        string(node, 2, "y");
        string(node, 4, "Identity");
        ByteArrayOutputStream graph = new ByteArrayOutputStream();
        bytes(graph, 1, node.toByteArray());
        string(graph, 2, "identity");
        bytes(graph, 11, valueInfo("x"));
        bytes(graph, 12, valueInfo("y"));
        ByteArrayOutputStream opset = new ByteArrayOutputStream();
        string(opset, 1, "");
        varintField(opset, 2, 17);
        ByteArrayOutputStream model = new ByteArrayOutputStream();
        varintField(model, 1, 8);
        bytes(model, 7, graph.toByteArray());
        bytes(model, 8, opset.toByteArray());
        return model.toByteArray();
    }

    private static byte[] valueInfo(String name) {
        ByteArrayOutputStream dim = new ByteArrayOutputStream();
        varintField(dim, 1, 1);
        ByteArrayOutputStream shape = new ByteArrayOutputStream();
        bytes(shape, 1, dim.toByteArray());
        ByteArrayOutputStream tensorType = new ByteArrayOutputStream();
        varintField(tensorType, 1, 1);
        bytes(tensorType, 2, shape.toByteArray());
        ByteArrayOutputStream type = new ByteArrayOutputStream();
        bytes(type, 1, tensorType.toByteArray());
        ByteArrayOutputStream info = new ByteArrayOutputStream();
        string(info, 1, name);
        bytes(info, 2, type.toByteArray());
        return info.toByteArray();
    }

    /** A model whose only initializer points at external data {@code location}. */
    public static byte[] externalDataModel(String location) {
        ByteArrayOutputStream entry = new ByteArrayOutputStream();
        string(entry, 1, "location");
        string(entry, 2, location);
        ByteArrayOutputStream tensor = new ByteArrayOutputStream();
        varintField(tensor, 1, 1);
        varintField(tensor, 2, 1);
        string(tensor, 8, "w");
        bytes(tensor, 13, entry.toByteArray());
        varintField(tensor, 14, 1);
        ByteArrayOutputStream graph = new ByteArrayOutputStream();
        string(graph, 2, "external");
        bytes(graph, 5, tensor.toByteArray());
        ByteArrayOutputStream model = new ByteArrayOutputStream();
        varintField(model, 1, 8);
        bytes(model, 7, graph.toByteArray());
        return model.toByteArray();
    }

    private static void string(ByteArrayOutputStream out, int field, String value) {
        bytes(out, field, value.getBytes(StandardCharsets.UTF_8));
    }

    private static void bytes(ByteArrayOutputStream out, int field, byte[] value) {
        writeVarint(out, ((long) field << 3) | 2);
        writeVarint(out, value.length);
        out.write(value, 0, value.length);
    }

    private static void varintField(ByteArrayOutputStream out, int field, long value) {
        writeVarint(out, (long) field << 3);
        writeVarint(out, value);
    }

    private static void writeVarint(ByteArrayOutputStream out, long value) {
        while ((value & ~0x7fL) != 0) {
            out.write((int) ((value & 0x7f) | 0x80));
            value >>>= 7;
        }
        out.write((int) value);
    }

    private static long[] varint(byte[] b, int pos) {
        long result = 0;
        for (int shift = 0;; shift += 7) {
            byte x = b[pos++];
            result |= (long) (x & 0x7f) << shift;
            if ((x & 0x80) == 0) {
                return new long[] {result, pos};
            }
        }
    }
}
