package org.gtlens.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
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

    /** What to do to a declared dimension ({@code TensorShapeProto.Dimension}), or null to remove it. */
    @FunctionalInterface
    public interface DimChange {
        void apply(Proto dimension);
    }

    /**
     * The model with one declared dimension of a graph input or output (as stored in the file) changed by
     * {@code change}; a null change removes the dimension (lowering the rank).
     *
     * @param graphField 11 for graph inputs, 12 for graph outputs
     */
    public static byte[] withDeclaredDim(byte[] model, int graphField, String name, int axis, DimChange change) {
        Proto m = Proto.parse(model);
        for (Proto.Field g : m.all(7)) {
            Proto.edit(g, graph -> {
                for (Proto.Field v : graph.all(graphField)) {
                    Proto info = v.message();
                    if (!info.all(1).get(0).string().equals(name)) {
                        continue;
                    }
                    Proto.edit(v, vi -> Proto.edit(vi.all(2).get(0), type -> Proto.edit(type.all(1).get(0),
                            tensor -> Proto.edit(tensor.all(2).get(0), shape -> {
                                Proto.Field dim = shape.all(1).get(axis);
                                if (change == null) {
                                    shape.fields.remove(dim);
                                } else {
                                    Proto.edit(dim, change::apply);
                                }
                            }))));
                }
            });
        }
        return m.bytes();
    }

    /** A dimension change: the number {@code value}. */
    public static DimChange number(long value) {
        return d -> {
            d.fields.clear();
            d.addVarint(1, value);
        };
    }

    /** A dimension change: the symbolic name {@code name}. */
    public static DimChange symbol(String name) {
        return d -> {
            d.fields.clear();
            d.addString(2, name);
        };
    }

    /** The model with its IR version (ModelProto field 1) set. */
    public static byte[] withIrVersion(byte[] model, long version) {
        Proto m = Proto.parse(model);
        m.all(1).get(0).varint = version;
        return m.bytes();
    }

    /** The model with the version of its default-domain opset import set. */
    public static byte[] withOpset(byte[] model, long version) {
        Proto m = Proto.parse(model);
        for (Proto.Field op : m.all(8)) {
            Proto.edit(op, o -> {
                boolean onnx = o.all(1).isEmpty() || o.all(1).get(0).string().isEmpty()
                        || o.all(1).get(0).string().equals("ai.onnx");
                if (onnx) {
                    o.all(2).get(0).varint = version;
                }
            });
        }
        return m.bytes();
    }

    /**
     * The model with every initializer's raw data moved into one external data file {@code location} (written by
     * the caller from {@code data}), as onnx's save_as_external_data does.
     */
    public static byte[] withExternalData(byte[] model, String location, ByteArrayOutputStream data) {
        Proto m = Proto.parse(model);
        for (Proto.Field g : m.all(7)) {
            Proto.edit(g, graph -> {
                for (Proto.Field init : graph.all(5)) {
                    Proto.edit(init, t -> {
                        List<Proto.Field> raw = t.all(9);
                        if (raw.isEmpty()) {
                            return;
                        }
                        byte[] bytes = raw.get(0).bytes;
                        t.fields.remove(raw.get(0));
                        long offset = data.size();
                        data.write(bytes, 0, bytes.length);
                        t.addBytes(13, entry("location", location));
                        t.addBytes(13, entry("offset", Long.toString(offset)));
                        t.addBytes(13, entry("length", Integer.toString(bytes.length)));
                        t.addVarint(14, 1);
                    });
                }
            });
        }
        return m.bytes();
    }

    private static byte[] entry(String key, String value) {
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        string(e, 1, key);
        string(e, 2, value);
        return e.toByteArray();
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
