package org.gtlens.runtime;

import static org.gtlens.runtime.ProtoReader.WIRE_LENGTH;
import static org.gtlens.runtime.ProtoReader.WIRE_VARINT;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gtlens.model.ModelSignature;
import org.gtlens.model.TensorSpec;

/**
 * Reads just enough of an ONNX protobuf, as it is stored, before ONNX Runtime opens anything: whether the bytes are
 * a protobuf ONNX model at all, its IR version and opsets, its metadata, the declared inputs and outputs of its graph
 * (ONNX Runtime reports output shapes after its own shape inference, which may overwrite what the file declares),
 * and which external data files its weights point to, with the byte ranges they need. That lets a loader refuse a
 * model whose declared shapes contradict its metadata, or whose weights live outside its own folder or beyond the
 * end of their file. Works on a buffer, so a file can be scanned through a memory map without being read into the heap.
 */
final class OnnxFileScanner {

    /** One external-data reference of an initializer. */
    record External(String tensor, String location, long offset, long length) {
    }

    /**
     * What the scan found.
     *
     * @param duplicateKey a metadata key given more than once, or null
     * @param initializers names of the graph's initializers (weights), which some exporters also list as inputs
     */
    record Scan(boolean hasGraph, List<External> external, long irVersion, Map<String, Long> opsets,
            Map<String, TensorSpec> inputs, Map<String, TensorSpec> outputs, Map<String, String> metadata,
            String duplicateKey, java.util.Set<String> initializers) {

        /** The graph's inputs, outputs and metadata as the file declares them. */
        ModelSignature declared() {
            return new ModelSignature(inputs, outputs, metadata);
        }

        /**
         * The signature as ONNX Runtime reports it before shape inference: inputs that are initializers left out
         * (so a model can be described without starting ONNX Runtime or opening a session).
         */
        ModelSignature signature() {
            Map<String, TensorSpec> feeds = new LinkedHashMap<>(inputs);
            feeds.keySet().removeAll(initializers);
            return new ModelSignature(feeds, outputs, metadata);
        }
    }

    private static final int MODEL_IR_VERSION = 1;
    private static final int MODEL_GRAPH = 7;
    private static final int MODEL_OPSET_IMPORT = 8;
    private static final int MODEL_METADATA_PROPS = 14;
    private static final int GRAPH_INITIALIZER = 5;
    private static final int GRAPH_INPUT = 11;
    private static final int GRAPH_OUTPUT = 12;
    private static final int TENSOR_NAME = 8;
    private static final int TENSOR_EXTERNAL_DATA = 13;
    private static final int ENTRY_KEY = 1;
    private static final int ENTRY_VALUE = 2;

    private OnnxFileScanner() {
    }

    /** Scans the bytes; throws IllegalArgumentException when they are not a well-formed protobuf message. */
    static Scan scan(byte[] bytes) {
        return scan(ByteBuffer.wrap(bytes));
    }

    /** Scans the buffer from its position to its limit (a memory-mapped file, say). */
    static Scan scan(ByteBuffer bytes) {
        ProtoReader model = new ProtoReader(bytes, bytes.position(), bytes.limit());
        boolean hasGraph = false;
        List<External> external = new ArrayList<>();
        java.util.Set<String> initializers = new java.util.HashSet<>();
        Map<String, TensorSpec> inputs = new LinkedHashMap<>();
        Map<String, TensorSpec> outputs = new LinkedHashMap<>();
        Map<String, String> metadata = new LinkedHashMap<>();
        Map<String, Long> opsets = new LinkedHashMap<>();
        String duplicate = null;
        long ir = -1;
        while (model.more()) {
            long tag = model.tag();
            int field = (int) (tag >>> 3);
            int wire = (int) (tag & 7);
            if (field == MODEL_GRAPH && wire == WIRE_LENGTH) {
                hasGraph = true;
                ProtoReader graph = model.sub();
                while (graph.more()) {
                    long gtag = graph.tag();
                    long gfield = gtag >>> 3;
                    if (gfield == GRAPH_INITIALIZER && (gtag & 7) == WIRE_LENGTH) {
                        collectExternal(graph.sub(), external, initializers);
                    } else if ((gfield == GRAPH_INPUT || gfield == GRAPH_OUTPUT) && (gtag & 7) == WIRE_LENGTH) {
                        valueInfo(graph.sub(), gfield == GRAPH_INPUT ? inputs : outputs);
                    } else {
                        graph.skip((int) (gtag & 7));
                    }
                }
            } else if (field == MODEL_IR_VERSION && wire == WIRE_VARINT) {
                ir = model.varint();
            } else if (field == MODEL_OPSET_IMPORT && wire == WIRE_LENGTH) {
                String[] entry = entry(model.sub(), true);
                String domain = entry[0] == null || entry[0].isEmpty() ? "ai.onnx" : entry[0];
                opsets.put(domain, entry[1] == null ? 0 : Long.parseLong(entry[1]));
            } else if (field == MODEL_METADATA_PROPS && wire == WIRE_LENGTH) {
                String[] entry = entry(model.sub(), false);
                if (entry[0] != null) {
                    if (metadata.containsKey(entry[0]) && duplicate == null) {
                        duplicate = entry[0];
                    }
                    metadata.put(entry[0], entry[1] == null ? "" : entry[1]);
                }
            } else {
                model.skip(wire);
            }
        }
        return new Scan(hasGraph, external, ir, opsets, inputs, outputs, metadata, duplicate, initializers);
    }

    /** A key/value entry; with {@code numericValue} the value is a varint (an opset's version). */
    private static String[] entry(ProtoReader entry, boolean numericValue) {
        String[] kv = new String[2];
        while (entry.more()) {
            long tag = entry.tag();
            int field = (int) (tag >>> 3);
            int wire = (int) (tag & 7);
            if (field == ENTRY_KEY && wire == WIRE_LENGTH) {
                kv[0] = entry.string();
            } else if (field == ENTRY_VALUE && wire == WIRE_LENGTH && !numericValue) {
                kv[1] = entry.string();
            } else if (field == ENTRY_VALUE && wire == WIRE_VARINT && numericValue) {
                kv[1] = Long.toString(entry.varint());
            } else {
                entry.skip(wire);
            }
        }
        return kv;
    }

    /** ValueInfoProto: name (1), type (2: TypeProto, tensor_type 1: elem_type 1, shape 2: dim 1). */
    private static void valueInfo(ProtoReader info, Map<String, TensorSpec> into) {
        String name = null;
        TensorSpec spec = new TensorSpec("non-tensor", new long[0]);
        while (info.more()) {
            long tag = info.tag();
            if ((tag >>> 3) == 1 && (tag & 7) == WIRE_LENGTH) {
                name = info.string();
            } else if ((tag >>> 3) == 2 && (tag & 7) == WIRE_LENGTH) {
                spec = type(info.sub());
            } else {
                info.skip((int) (tag & 7));
            }
        }
        if (name != null) {
            into.put(name, spec);
        }
    }

    private static TensorSpec type(ProtoReader type) {
        TensorSpec spec = new TensorSpec("non-tensor", new long[0]);
        while (type.more()) {
            long tag = type.tag();
            if ((tag >>> 3) == 1 && (tag & 7) == WIRE_LENGTH) {
                ProtoReader tensor = type.sub();
                long elem = 0;
                List<Long> dims = new ArrayList<>();
                while (tensor.more()) {
                    long ttag = tensor.tag();
                    if ((ttag >>> 3) == 1 && (ttag & 7) == WIRE_VARINT) {
                        elem = tensor.varint();
                    } else if ((ttag >>> 3) == 2 && (ttag & 7) == WIRE_LENGTH) {
                        ProtoReader shape = tensor.sub();
                        while (shape.more()) {
                            long stag = shape.tag();
                            if ((stag >>> 3) == 1 && (stag & 7) == WIRE_LENGTH) {
                                dims.add(dimension(shape.sub()));
                            } else {
                                shape.skip((int) (stag & 7));
                            }
                        }
                    } else {
                        tensor.skip((int) (ttag & 7));
                    }
                }
                long[] shape = new long[dims.size()];
                for (int i = 0; i < shape.length; i++) {
                    shape[i] = dims.get(i);
                }
                spec = new TensorSpec(elementType(elem), shape);
            } else {
                type.skip((int) (tag & 7));
            }
        }
        return spec;
    }

    /** A dimension: its dim_value, or -1 for a symbolic (dim_param) or unknown one. */
    private static long dimension(ProtoReader dim) {
        long value = -1;
        while (dim.more()) {
            long tag = dim.tag();
            if ((tag >>> 3) == 1 && (tag & 7) == WIRE_VARINT) {
                value = dim.varint();
                value = value < 0 ? -1 : value;
            } else {
                dim.skip((int) (tag & 7));
            }
        }
        return value;
    }

    /** ONNX TensorProto.DataType names, as {@link SessionSignature} names ONNX Runtime's. */
    static String elementType(long code) {
        return switch ((int) code) {
            case 1 -> "float";
            case 2 -> "uint8";
            case 3 -> "int8";
            case 4 -> "uint16";
            case 5 -> "int16";
            case 6 -> "int32";
            case 7 -> "int64";
            case 8 -> "string";
            case 9 -> "bool";
            case 10 -> "float16";
            case 11 -> "double";
            case 12 -> "uint32";
            case 13 -> "uint64";
            case 16 -> "bfloat16";
            default -> "type " + code;
        };
    }

    private static void collectExternal(ProtoReader tensor, List<External> into, java.util.Set<String> names) {
        String name = "?";
        String location = null;
        long offset = 0;
        long length = -1;
        while (tensor.more()) {
            long tag = tensor.tag();
            if ((tag >>> 3) == TENSOR_NAME && (tag & 7) == WIRE_LENGTH) {
                name = tensor.string();
            } else if ((tag >>> 3) == TENSOR_EXTERNAL_DATA && (tag & 7) == WIRE_LENGTH) {
                String[] kv = entry(tensor.sub(), false);
                if ("location".equals(kv[0]) && kv[1] != null) {
                    location = kv[1];
                } else if ("offset".equals(kv[0]) && kv[1] != null) {
                    offset = number(kv[1]);
                } else if ("length".equals(kv[0]) && kv[1] != null) {
                    length = number(kv[1]);
                }
            } else {
                tensor.skip((int) (tag & 7));
            }
        }
        names.add(name);
        if (location != null) {
            into.add(new External(name, location, offset, length));
        }
    }

    private static long number(String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("external data offset or length '" + text + "' is not a number");
        }
    }
}
