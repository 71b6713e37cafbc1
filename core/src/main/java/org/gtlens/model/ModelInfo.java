package org.gtlens.model;

import java.util.List;
import java.util.Objects;

/**
 * What a contract model is, read from its metadata and checked against its outputs: enough to label every
 * tensor and to validate input sequences without looking at the ONNX graph again.
 *
 * @param source      where the model came from (file name or "built-in example model")
 * @param k           embedding width
 * @param heads       attention heads per block
 * @param depth       number of transformer blocks
 * @param t           maximal (or fixed) sequence length
 * @param numTokens   vocabulary size V
 * @param vocab       one label per token id (the ids themselves when the model has no labels)
 * @param scaling     attention scaling the model was trained with
 * @param description one line on what the model was trained on (may be empty)
 * @param fixedLength true when every sequence must have exactly {@code t} tokens
 * @param sizeBytes   size of the model file in bytes
 * @param contract    the contract version the model follows: 1, or 2 for a model that takes interventions
 */
public record ModelInfo(String source, int k, int heads, int depth, int t, int numTokens, List<String> vocab,
        Scaling scaling, String description, boolean fixedLength, long sizeBytes, int contract) {

    /** The description of a version-1 model, which takes no interventions. */
    public ModelInfo(String source, int k, int heads, int depth, int t, int numTokens, List<String> vocab,
            Scaling scaling, String description, boolean fixedLength, long sizeBytes) {
        this(source, k, heads, depth, t, numTokens, vocab, scaling, description, fixedLength, sizeBytes, 1);
    }

    public ModelInfo {
        if (contract < 1) {
            throw new IllegalArgumentException("contract version " + contract);
        }
        Objects.requireNonNull(source, "source");
        vocab = vocab instanceof IdLabels ? vocab : List.copyOf(vocab);
        Objects.requireNonNull(scaling, "scaling");
        description = description == null ? "" : description;
        if (vocab.size() != numTokens) {
            throw new IllegalArgumentException("vocab has " + vocab.size() + " labels for " + numTokens + " tokens");
        }
    }

    /**
     * The labels of a model without its own: the ids "0", "1", ..., made when asked for, so a vocabulary size in the
     * metadata allocates nothing.
     */
    public static List<String> idLabels(int numTokens) {
        return new IdLabels(numTokens);
    }

    private static final class IdLabels extends java.util.AbstractList<String> implements java.util.RandomAccess {
        private final int size;

        IdLabels(int size) {
            this.size = size;
        }

        @Override
        public String get(int index) {
            Objects.checkIndex(index, size);
            return Integer.toString(index);
        }

        @Override
        public int size() {
            return size;
        }
    }

    /**
     * True when the model takes the contract's intervention inputs and reports {@code embedding} and {@code z}, which
     * head ablation and activation patching need.
     */
    public boolean takesInterventions() {
        return contract >= 2;
    }

    /** Width of one attention head, k / heads. */
    public int headDim() {
        return k / heads;
    }

    /** The label of a token id: its vocabulary label, or the id itself for ids outside the vocabulary. */
    public String tokenLabel(int token) {
        return token >= 0 && token < numTokens ? vocab.get(token) : Integer.toString(token);
    }

    /** True when the model carries its own vocabulary labels rather than bare ids. */
    public boolean hasVocabLabels() {
        if (vocab instanceof IdLabels) {
            return false;
        }
        for (int i = 0; i < numTokens; i++) {
            if (!vocab.get(i).equals(Integer.toString(i))) {
                return true;
            }
        }
        return false;
    }

    /** Most vocabulary labels a summary lists. */
    static final int MAX_SUMMARY_LABELS = 256;

    /** A few lines for a terminal or a KNIME port summary. */
    public String summary() {
        StringBuilder b = new StringBuilder();
        b.append("model:       ").append(source).append('\n');
        b.append("k:           ").append(k).append('\n');
        b.append("heads:       ").append(heads).append(" (head width ").append(headDim()).append(")\n");
        b.append("depth:       ").append(depth).append('\n');
        b.append("t:           ").append(t).append(fixedLength ? " (fixed length)" : " (any length 1.." + t + ")")
                .append('\n');
        b.append("num_tokens:  ").append(numTokens).append('\n');
        int shown = Math.min(vocab.size(), MAX_SUMMARY_LABELS);
        b.append("vocab:       ").append(String.join(" ", vocab.subList(0, shown)))
                .append(shown < vocab.size() ? " ... (" + vocab.size() + " in all)" : "").append('\n');
        b.append("scaling:     ").append(scaling.contractName()).append('\n');
        b.append("description: ").append(description.isEmpty() ? "(none)" : description).append('\n');
        b.append("contract:    ").append(contract).append(takesInterventions() ? " (takes interventions)"
                : " (no interventions: re-export for ablation and patching)").append('\n');
        b.append("file size:   ").append(sizeBytes).append(" bytes");
        return b.toString();
    }
}
