package org.gtlens.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The intervention inputs and causal outputs of a version-2 model: their names, the shapes the contract declares and
 * the neutral tensors that make a run plain. Head ablation and activation patching are runs with other keep and
 * replacement values; every other run feeds the neutral ones, so a version-2 model computes what a version-1 export
 * of the same weights computes, bit for bit.
 */
public final class Interventions {

    /** Per block and head, how much of each head's output {@code z} to keep: [b|1, depth, heads, L|1, 1]. */
    public static final String HEAD_KEEP = "head_keep";
    /** What replaces the rest of {@code z}: [b|1, depth, heads, L|1, d]. */
    public static final String HEAD_REPL = "head_repl";
    /** Per block, how much of the residual stream entering it to keep: [b|1, depth, L|1, 1]. */
    public static final String RESID_KEEP = "resid_keep";
    /** What replaces the rest of the residual stream: [b|1, depth, L|1, k]. */
    public static final String RESID_REPL = "resid_repl";
    /** The residual stream entering block 0 (token plus position embedding), [b, L, k]. */
    public static final String EMBEDDING = "embedding";

    private Interventions() {
    }

    /** The output of block {@code block}'s heads before they are joined, [b, h, L, d]. */
    public static String z(int block) {
        return "block" + block + ".z";
    }

    /** The four intervention inputs, in the contract's order. */
    public static List<String> inputNames() {
        return List.of(HEAD_KEEP, HEAD_REPL, RESID_KEEP, RESID_REPL);
    }

    /**
     * The sizes of an input's axes that the model fixes, with -1 for the batch and length axes (fed as 1 or as the
     * batch size and length of {@code tokens}).
     */
    public static long[] fixedDims(String input, ModelInfo info) {
        return fixedDims(input, info.depth(), info.heads(), info.k());
    }

    private static long[] fixedDims(String input, int depth, int heads, int k) {
        return switch (input) {
            case HEAD_KEEP -> new long[] {-1, depth, heads, -1, 1};
            case HEAD_REPL -> new long[] {-1, depth, heads, -1, k / heads};
            case RESID_KEEP -> new long[] {-1, depth, -1, 1};
            case RESID_REPL -> new long[] {-1, depth, -1, k};
            default -> throw new IllegalArgumentException(input);
        };
    }

    /** The shape of an input's neutral tensor: the fixed sizes, 1 for batch and length. */
    public static long[] neutralShape(String input, ModelInfo info) {
        long[] shape = fixedDims(input, info);
        for (int i = 0; i < shape.length; i++) {
            shape[i] = Math.max(1, shape[i]);
        }
        return shape;
    }

    /** The neutral value of an input: 1 for the keep inputs, 0 for the replacements. */
    public static float neutralValue(String input) {
        return input.endsWith("_keep") ? 1f : 0f;
    }

    static void checkInputs(ModelSignature signature, String source, int depth, int heads, int k)
            throws ModelException {
        for (String name : inputNames()) {
            TensorSpec spec = signature.inputs().get(name);
            long[] dims = fixedDims(name, depth, heads, k);
            if (spec == null) {
                throw ContractChecker.fail(source, "follows contract version 2 but has no input '" + name
                        + "' (inputs: " + new java.util.TreeSet<>(signature.inputs().keySet()) + ")");
            }
            if (!"float".equals(spec.elementType()) || spec.rank() != dims.length) {
                throw ContractChecker.fail(source, "declares input '" + name + "' as " + spec + ", expected float "
                        + describe(dims));
            }
            for (int i = 0; i < dims.length; i++) {
                long declared = spec.dim(i);
                if (dims[i] >= 0 && declared >= 0 && declared != dims[i]) {
                    throw ContractChecker.fail(source, "declares input '" + name + "' with shape " + spec.describe()
                            + " but the metadata implies " + describe(dims));
                }
            }
        }
    }

    static List<String> missingOutputs(ModelSignature signature, int depth) {
        List<String> missing = new ArrayList<>();
        if (!signature.outputs().containsKey(EMBEDDING)) {
            missing.add(EMBEDDING);
        }
        for (int i = 0; i < depth; i++) {
            if (!signature.outputs().containsKey(z(i))) {
                missing.add(z(i));
            }
        }
        return missing;
    }

    private static String describe(long[] dims) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < dims.length; i++) {
            b.append(i == 0 ? "" : ", ").append(dims[i] < 0 ? (i == 0 ? "batch" : "length") : Long.toString(dims[i]));
        }
        return b.append(']').toString();
    }
}
