package org.gtlens.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * Checks a model's signature against the representation contract (versions 1 and 2) and reads its {@link ModelInfo}.
 * Every tool relies on the contract's names and shapes, so a model is refused here, with the first problem
 * named, rather than failing later on a missing tensor.
 */
public final class ContractChecker {

    /** The newest contract version this reader understands; it reads every version from 1 up to it. */
    public static final int CONTRACT_VERSION = 2;
    public static final String INPUT_NAME = "tokens";

    private static final Pattern BLOCK_OUTPUT = Pattern.compile("block(\\d+)\\.([a-z]+)");

    /**
     * Longest sequence (gtlens.t) a model may declare: its attention matrices already hold 2^32 values a head and
     * block. A dynamic-length graph does not bound t itself, and tables and means are sized by it.
     */
    public static final int MAX_T = 1 << 16;

    private ContractChecker() {
    }

    /**
     * @param signature the model's declared inputs, outputs and metadata
     * @param source    file name used in messages
     * @param sizeBytes size of the model file
     * @return the checked description of the model
     * @throws ModelException naming the source and the first problem found
     */
    public static ModelInfo check(ModelSignature signature, String source, long sizeBytes) throws ModelException {
        return check(signature, source, sizeBytes, false);
    }

    /**
     * Checks the signature as the ONNX file itself declares it, before ONNX Runtime (whose shape inference may
     * replace declared output shapes) sees it: as {@link #check}, and every size the contract fixes (heads, head
     * width, k, vocabulary) must be declared as a number, so that it can be compared with the metadata.
     */
    public static ModelInfo checkDeclared(ModelSignature signature, String source, long sizeBytes)
            throws ModelException {
        return check(signature, source, sizeBytes, true);
    }

    private static ModelInfo check(ModelSignature signature, String source, long sizeBytes, boolean declared)
            throws ModelException {
        Map<String, String> meta = signature.metadata();
        String contract = meta.get("gtlens.contract");
        if (contract == null) {
            List<String> missing = missingOutputs(signature, 1);
            throw fail(source, "has no GT Lens contract metadata (gtlens.contract)"
                    + (missing.isEmpty() ? "" : "; contract outputs missing: " + String.join(", ", missing)));
        }
        int version = version(contract);
        if (version < 1 || version > CONTRACT_VERSION) {
            throw fail(source, "follows contract version '" + contract + "', this reader understands versions 1 to "
                    + CONTRACT_VERSION);
        }
        int k = positiveInt(meta, "gtlens.k", source);
        int heads = positiveInt(meta, "gtlens.heads", source);
        int depth = positiveInt(meta, "gtlens.depth", source);
        int t = positiveInt(meta, "gtlens.t", source);
        int numTokens = positiveInt(meta, "gtlens.num_tokens", source);
        if (k % heads != 0) {
            throw fail(source, "has gtlens.k=" + k + " which is not divisible by gtlens.heads=" + heads);
        }
        Scaling scaling = Scaling.HEAD;
        String scalingText = meta.get("gtlens.scaling");
        if (scalingText != null && !scalingText.isBlank()) {
            scaling = Scaling.fromContractName(scalingText.trim());
            if (scaling == null) {
                throw fail(source, "has gtlens.scaling='" + scalingText + "', expected 'head' or 'full'");
            }
        }
        if (t > MAX_T) {
            throw fail(source, "has gtlens.t=" + t + ", longer than the " + MAX_T + " tokens this reader takes");
        }
        boolean fixedLength = "true".equalsIgnoreCase(String.valueOf(meta.get("gtlens.fixed_length")).trim());

        checkInput(signature, source, t, fixedLength);
        if (version >= 2) {
            Interventions.checkInputs(signature, source, depth, heads, k);
        }
        // before anything is sized by it: the names of missing outputs are listed up to the first incomplete block
        int blocksPresent = blocksPresent(signature);
        List<String> vocab = vocab(meta.get("gtlens.vocab"), numTokens, source);
        List<String> missing = missingOutputs(signature, (int) Math.min(depth, blocksPresent + 1L));
        if (!missing.isEmpty()) {
            throw fail(source, "lacks contract outputs: " + String.join(", ", missing) + (depth > blocksPresent + 1L
                    ? " (gtlens.depth=" + depth + " but " + (blocksPresent == 0 ? "no block has" : "only blocks 0.."
                    + (blocksPresent - 1) + " have") + " outputs)" : ""));
        }
        checkNoExtraBlocks(signature, depth, source);

        String description = meta.getOrDefault("gtlens.description", "").trim();
        ModelInfo info = new ModelInfo(source, k, heads, depth, t, numTokens, vocab, scaling, description,
                fixedLength, sizeBytes, version);
        // the declared length: a number, or -1 (dynamic), which every position axis then takes as "any"
        int length = (int) Math.max(-1, signature.inputs().get(INPUT_NAME).dim(1));
        checkShape(signature, Kind.FINAL_LOGPROBS, source, Kind.LOGPROBS.shape(info, -1, length), declared);
        for (int i = 0; i < depth; i++) {
            for (Kind kind : Kind.contract()) {
                checkShape(signature, kind.outputName(i), source, kind.shape(info, -1, length), declared);
            }
        }
        if (version >= 2) {
            missing = Interventions.missingOutputs(signature, depth);
            if (!missing.isEmpty()) {
                throw fail(source, "follows contract version 2 but lacks outputs: " + String.join(", ", missing));
            }
            checkShape(signature, Interventions.EMBEDDING, source, Kind.OUT.shape(info, -1, length), declared);
            for (int i = 0; i < depth; i++) {
                checkShape(signature, Interventions.z(i), source, Kind.VALUES.shape(info, -1, length), declared);
            }
        }
        return info;
    }

    private static int version(String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The number of blocks 0..n-1 that have every contract output (counting stops at the first incomplete one). */
    private static int blocksPresent(ModelSignature signature) {
        int n = 0;
        while (n < Integer.MAX_VALUE) {
            for (Kind kind : Kind.contract()) {
                if (!signature.outputs().containsKey(kind.outputName(n))) {
                    return n;
                }
            }
            n++;
        }
        return n;
    }

    /** Every contract output name of a model of the given depth, in the order a reader fetches them. */
    public static List<String> outputNames(int depth) {
        List<String> names = new ArrayList<>();
        names.add(Kind.FINAL_LOGPROBS);
        for (int i = 0; i < depth; i++) {
            for (Kind kind : Kind.contract()) {
                names.add(kind.outputName(i));
            }
        }
        return names;
    }

    private static List<String> missingOutputs(ModelSignature signature, int depth) {
        List<String> missing = new ArrayList<>();
        for (String name : outputNames(depth)) {
            if (!signature.outputs().containsKey(name)) {
                missing.add(name);
            }
        }
        return missing;
    }

    private static void checkNoExtraBlocks(ModelSignature signature, int depth, String source)
            throws ModelException {
        TreeSet<Integer> beyond = new TreeSet<>();
        for (String name : signature.outputs().keySet()) {
            Matcher m = BLOCK_OUTPUT.matcher(name);
            if (m.matches() && Kind.fromContractName(m.group(2)) != null) {
                int block = Integer.parseInt(m.group(1));
                if (block >= depth) {
                    beyond.add(block);
                }
            }
        }
        if (!beyond.isEmpty()) {
            throw fail(source, "has outputs for block " + beyond.first() + " but gtlens.depth=" + depth);
        }
    }

    private static void checkInput(ModelSignature signature, String source, int t, boolean fixedLength)
            throws ModelException {
        TensorSpec input = signature.inputs().get(INPUT_NAME);
        if (input == null) {
            throw fail(source, "has no input named 'tokens' (inputs: " + new TreeSet<>(signature.inputs().keySet())
                    + ")");
        }
        if (!"int64".equals(input.elementType()) || input.rank() != 2) {
            throw fail(source, "declares input 'tokens' as " + input + ", expected int64[batch, length]");
        }
        if (input.dim(0) >= 0) {
            throw fail(source, "declares input 'tokens' with a fixed batch size of " + input.dim(0) + "; the "
                    + "contract's batch size is dynamic (export the model with a dynamic batch axis)");
        }
        long length = input.dim(1);
        if (length >= 0 && length != t) {
            throw fail(source, "declares input 'tokens' with length " + length + " but gtlens.t=" + t);
        }
        if (length >= 0 && !fixedLength) {
            throw fail(source, "declares input 'tokens' with a fixed length of " + length + " but lacks "
                    + "gtlens.fixed_length=true, so shorter sequences would fail; export it with --fixed-length or a "
                    + "dynamic length axis");
        }
    }

    /** @param shape the contract shape, batch first; -1 where any size is allowed */
    static void checkShape(ModelSignature signature, String name, String source, long[] shape,
            boolean declaredOnly) throws ModelException {
        long[] dims = java.util.Arrays.copyOfRange(shape, 1, shape.length);
        TensorSpec spec = signature.outputs().get(name);
        if (!"float".equals(spec.elementType())) {
            throw fail(source, "declares output '" + name + "' as " + spec.elementType() + ", expected float");
        }
        if (spec.rank() != dims.length + 1) {
            throw fail(source, "declares output '" + name + "' with shape " + spec.describe() + ", expected rank "
                    + (dims.length + 1));
        }
        for (int i = 0; i < dims.length; i++) {
            long declared = spec.dim(i + 1);
            if (declared >= 0 && dims[i] >= 0 && declared != dims[i]) {
                throw fail(source, "declares output '" + name + "' with shape " + spec.describe()
                        + " but the metadata implies " + expected(dims));
            }
            if (declaredOnly && declared >= 0 && dims[i] < 0) {
                throw fail(source, "declares output '" + name + "' with shape " + spec.describe() + ", a fixed size "
                        + "where the metadata implies " + expected(dims) + " (the input's length is dynamic)");
            }
            if (declaredOnly && declared < 0 && dims[i] >= 0) {
                throw fail(source, "declares output '" + name + "' with shape " + spec.describe() + ", leaving open "
                        + "a size the metadata fixes (" + expected(dims) + "); declare the output's sizes as numbers");
            }
        }
    }

    private static String expected(long[] dims) {
        StringBuilder b = new StringBuilder("[batch");
        for (long d : dims) {
            b.append(", ").append(d < 0 ? "length" : Long.toString(d));
        }
        return b.append(']').toString();
    }

    private static int positiveInt(Map<String, String> meta, String key, String source) throws ModelException {
        String value = meta.get(key);
        if (value == null) {
            throw fail(source, "lacks metadata " + key);
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed > 0) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw fail(source, "has metadata " + key + "='" + value + "', expected a positive integer");
    }

    private static List<String> vocab(String json, int numTokens, String source) throws ModelException {
        if (json == null || json.isBlank()) {
            return ModelInfo.idLabels(numTokens);
        }
        List<String> labels = new ArrayList<>();
        JsonArray array;
        try {
            JsonElement parsed = JsonParser.parseString(json);
            if (!parsed.isJsonArray()) {
                throw fail(source, "has gtlens.vocab that is not a JSON array of strings");
            }
            array = parsed.getAsJsonArray();
        } catch (JsonParseException e) {
            throw fail(source, "has gtlens.vocab that is not valid JSON");
        }
        if (array.size() != numTokens) {
            throw fail(source, "has " + array.size() + " labels in gtlens.vocab but gtlens.num_tokens=" + numTokens);
        }
        for (JsonElement e : array) {
            if (!e.isJsonPrimitive()) {
                throw fail(source, "has gtlens.vocab that is not a JSON array of strings");
            }
            labels.add(e.getAsString());
        }
        return labels;
    }

    static ModelException fail(String source, String problem) {
        return new ModelException("Model " + source + " " + problem + ".");
    }
}
