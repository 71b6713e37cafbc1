package org.gtlens.model;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads just enough of an ONNX protobuf (ModelProto.graph.initializer[].external_data) to tell whether the bytes
 * are a protobuf ONNX model at all and which external data files its weights point to, before ONNX Runtime opens
 * anything. That lets a loader refuse a model whose weights live outside its own folder.
 */
final class OnnxFileScanner {

    /** What the scan found. */
    record Scan(boolean hasGraph, List<String> externalLocations) {
    }

    private static final int WIRE_VARINT = 0;
    private static final int WIRE_FIXED64 = 1;
    private static final int WIRE_LENGTH = 2;
    private static final int WIRE_FIXED32 = 5;

    private static final int MODEL_GRAPH = 7;
    private static final int GRAPH_INITIALIZER = 5;
    private static final int TENSOR_EXTERNAL_DATA = 13;
    private static final int ENTRY_KEY = 1;
    private static final int ENTRY_VALUE = 2;

    private OnnxFileScanner() {
    }

    /** Scans the bytes; throws IllegalArgumentException when they are not a well-formed protobuf message. */
    static Scan scan(byte[] bytes) {
        Reader model = new Reader(bytes, 0, bytes.length);
        boolean hasGraph = false;
        List<String> locations = new ArrayList<>();
        while (model.more()) {
            long tag = model.varint();
            int field = (int) (tag >>> 3);
            int wire = (int) (tag & 7);
            if (field == MODEL_GRAPH && wire == WIRE_LENGTH) {
                hasGraph = true;
                Reader graph = model.sub();
                while (graph.more()) {
                    long gtag = graph.varint();
                    if ((gtag >>> 3) == GRAPH_INITIALIZER && (gtag & 7) == WIRE_LENGTH) {
                        collectExternal(graph.sub(), locations);
                    } else {
                        graph.skip((int) (gtag & 7));
                    }
                }
            } else {
                model.skip(wire);
            }
        }
        return new Scan(hasGraph, locations);
    }

    private static void collectExternal(Reader tensor, List<String> locations) {
        while (tensor.more()) {
            long tag = tensor.varint();
            if ((tag >>> 3) == TENSOR_EXTERNAL_DATA && (tag & 7) == WIRE_LENGTH) {
                Reader entry = tensor.sub();
                String key = null;
                String value = null;
                while (entry.more()) {
                    long etag = entry.varint();
                    int field = (int) (etag >>> 3);
                    if ((field == ENTRY_KEY || field == ENTRY_VALUE) && (etag & 7) == WIRE_LENGTH) {
                        String text = entry.string();
                        if (field == ENTRY_KEY) {
                            key = text;
                        } else {
                            value = text;
                        }
                    } else {
                        entry.skip((int) (etag & 7));
                    }
                }
                if ("location".equals(key) && value != null) {
                    locations.add(value);
                }
            } else {
                tensor.skip((int) (tag & 7));
            }
        }
    }

    /** A bounded view of protobuf wire data. */
    private static final class Reader {
        private final byte[] bytes;
        private int pos;
        private final int end;

        Reader(byte[] bytes, int start, int end) {
            this.bytes = bytes;
            this.pos = start;
            this.end = end;
        }

        boolean more() {
            return pos < end;
        }

        long varint() {
            long result = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                if (pos >= end) {
                    throw new IllegalArgumentException("truncated varint");
                }
                byte b = bytes[pos++];
                result |= (long) (b & 0x7f) << shift;
                if ((b & 0x80) == 0) {
                    return result;
                }
            }
            throw new IllegalArgumentException("malformed varint");
        }

        Reader sub() {
            long length = varint();
            if (length < 0 || length > end - pos) {
                throw new IllegalArgumentException("length runs past the end");
            }
            Reader r = new Reader(bytes, pos, pos + (int) length);
            pos += (int) length;
            return r;
        }

        String string() {
            Reader r = sub();
            return new String(bytes, r.pos, r.end - r.pos, StandardCharsets.UTF_8);
        }

        void skip(int wire) {
            switch (wire) {
                case WIRE_VARINT -> varint();
                case WIRE_FIXED64 -> advance(8);
                case WIRE_LENGTH -> sub();
                case WIRE_FIXED32 -> advance(4);
                default -> throw new IllegalArgumentException("unknown wire type " + wire);
            }
        }

        private void advance(int n) {
            if (n > end - pos) {
                throw new IllegalArgumentException("field runs past the end");
            }
            pos += n;
        }
    }
}
