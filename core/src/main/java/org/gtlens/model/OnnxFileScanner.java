package org.gtlens.model;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

    private static final int MODEL_METADATA_PROPS = 14;
    private static final int GRAPH_INPUT = 11;
    private static final int GRAPH_OUTPUT = 12;
    private static final int TENSOR_NAME = 8;
    private static final int VALUE_NAME = 1;
    private static final int VALUE_TYPE = 2;
    private static final int TYPE_TENSOR = 1;
    private static final int TENSOR_TYPE_ELEM = 1;
    private static final int TENSOR_TYPE_SHAPE = 2;
    private static final int SHAPE_DIM = 1;
    private static final int DIM_VALUE = 1;

    /** ONNX TensorProto.DataType numbers 1..16 by their lower-case names, as ONNX Runtime's element types read. */
    private static final String[] ELEMENT_TYPES = {"undefined", "float", "uint8", "int8", "uint16", "int16", "int32",
        "int64", "string", "bool", "float16", "double", "uint32", "uint64", "complex64", "complex128", "bfloat16"};

    private OnnxFileScanner() {
    }

    /**
     * Reads the graph's inputs and outputs and the model's metadata properties from the protobuf itself, as ONNX
     * Runtime reports them (inputs that are initializers left out, a symbolic or unknown dimension as -1), so a
     * model can be described without starting ONNX Runtime or opening a session.
     *
     * @throws IllegalArgumentException when the bytes are not a well-formed protobuf message
     */
    static ModelSignature signature(byte[] bytes) {
        Reader model = new Reader(bytes, 0, bytes.length);
        Map<String, String> metadata = new LinkedHashMap<>();
        Map<String, TensorSpec> inputs = new LinkedHashMap<>();
        Map<String, TensorSpec> outputs = new LinkedHashMap<>();
        Set<String> initializers = new HashSet<>();
        while (model.more()) {
            long tag = model.varint();
            int field = (int) (tag >>> 3);
            int wire = (int) (tag & 7);
            if (field == MODEL_METADATA_PROPS && wire == WIRE_LENGTH) {
                String[] kv = entry(model.sub());
                if (kv[0] != null) {
                    metadata.put(kv[0], kv[1] == null ? "" : kv[1]);
                }
            } else if (field == MODEL_GRAPH && wire == WIRE_LENGTH) {
                Reader graph = model.sub();
                while (graph.more()) {
                    long gtag = graph.varint();
                    int gfield = (int) (gtag >>> 3);
                    if ((gtag & 7) != WIRE_LENGTH) {
                        graph.skip((int) (gtag & 7));
                    } else if (gfield == GRAPH_INPUT) {
                        valueInfo(graph.sub(), inputs);
                    } else if (gfield == GRAPH_OUTPUT) {
                        valueInfo(graph.sub(), outputs);
                    } else if (gfield == GRAPH_INITIALIZER) {
                        String name = name(graph.sub(), TENSOR_NAME);
                        if (name != null) {
                            initializers.add(name);
                        }
                    } else {
                        graph.skip(WIRE_LENGTH);
                    }
                }
            } else {
                model.skip(wire);
            }
        }
        inputs.keySet().removeAll(initializers);
        return new ModelSignature(inputs, outputs, metadata);
    }

    private static String[] entry(Reader entry) {
        String[] kv = new String[2];
        while (entry.more()) {
            long tag = entry.varint();
            int field = (int) (tag >>> 3);
            if ((field == ENTRY_KEY || field == ENTRY_VALUE) && (tag & 7) == WIRE_LENGTH) {
                kv[field - 1] = entry.string();
            } else {
                entry.skip((int) (tag & 7));
            }
        }
        return kv;
    }

    private static String name(Reader message, int nameField) {
        String name = null;
        while (message.more()) {
            long tag = message.varint();
            if ((tag >>> 3) == nameField && (tag & 7) == WIRE_LENGTH) {
                name = message.string();
            } else {
                message.skip((int) (tag & 7));
            }
        }
        return name;
    }

    private static void valueInfo(Reader value, Map<String, TensorSpec> into) {
        String name = null;
        TensorSpec spec = new TensorSpec("non-tensor", new long[0]);
        while (value.more()) {
            long tag = value.varint();
            int field = (int) (tag >>> 3);
            if (field == VALUE_NAME && (tag & 7) == WIRE_LENGTH) {
                name = value.string();
            } else if (field == VALUE_TYPE && (tag & 7) == WIRE_LENGTH) {
                spec = type(value.sub(), spec);
            } else {
                value.skip((int) (tag & 7));
            }
        }
        if (name != null) {
            into.put(name, spec);
        }
    }

    private static TensorSpec type(Reader type, TensorSpec otherwise) {
        TensorSpec spec = otherwise;
        while (type.more()) {
            long tag = type.varint();
            if ((tag >>> 3) == TYPE_TENSOR && (tag & 7) == WIRE_LENGTH) {
                Reader tensor = type.sub();
                int elem = 0;
                List<Long> dims = new ArrayList<>();
                while (tensor.more()) {
                    long ttag = tensor.varint();
                    int tfield = (int) (ttag >>> 3);
                    if (tfield == TENSOR_TYPE_ELEM && (ttag & 7) == WIRE_VARINT) {
                        elem = (int) tensor.varint();
                    } else if (tfield == TENSOR_TYPE_SHAPE && (ttag & 7) == WIRE_LENGTH) {
                        Reader shape = tensor.sub();
                        while (shape.more()) {
                            long stag = shape.varint();
                            if ((stag >>> 3) == SHAPE_DIM && (stag & 7) == WIRE_LENGTH) {
                                dims.add(dim(shape.sub()));
                            } else {
                                shape.skip((int) (stag & 7));
                            }
                        }
                    } else {
                        tensor.skip((int) (ttag & 7));
                    }
                }
                String name = elem >= 0 && elem < ELEMENT_TYPES.length ? ELEMENT_TYPES[elem] : "type " + elem;
                spec = new TensorSpec(name, dims.stream().mapToLong(Long::longValue).toArray());
            } else {
                type.skip((int) (tag & 7));
            }
        }
        return spec;
    }

    /** A dimension's fixed value, or -1 for a symbolic or unknown one (what ONNX Runtime reports). */
    private static long dim(Reader dim) {
        long value = -1;
        while (dim.more()) {
            long tag = dim.varint();
            if ((tag >>> 3) == DIM_VALUE && (tag & 7) == WIRE_VARINT) {
                value = dim.varint();
            } else {
                dim.skip((int) (tag & 7));
            }
        }
        return value;
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
