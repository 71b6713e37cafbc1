package org.gtlens.model;

/**
 * One dimension of a representation matrix: how long it is for a model and a sequence length, how its entries are
 * labelled and what its axis is called. Every table, chart and check takes these facts from here.
 */
public enum Axis {
    /** A query (output) position of attention: "Out 2: 5". */
    OUT_POSITION("Out-Position i", "Out "),
    /** A key (input) position of attention: "In 2: 5". */
    IN_POSITION("In-Position j", "In "),
    /** A position of the sequence: "Pos 2: 5". */
    POSITION("Position i", "Pos "),
    /** A dimension of one attention head: "d0". */
    HEAD_DIMENSION("Head dimension", "d"),
    /** A dimension of the embedding (the residual stream): "e0". */
    EMBEDDING("Embedding dimension", "e"),
    /** A token of the vocabulary, labelled by the model's vocabulary. */
    VOCABULARY("Vocab-Token v", "");

    private final String title;
    private final String prefix;

    Axis(String title, String prefix) {
        this.title = title;
        this.prefix = prefix;
    }

    /** The axis title of figures, as the original notebook names it. */
    public String title() {
        return title;
    }

    /** True for the axes indexed by sequence position (their labels carry the token there). */
    public boolean isPosition() {
        return this == OUT_POSITION || this == IN_POSITION || this == POSITION;
    }

    /** Number of entries along this axis for sequences of the given length. */
    public int size(ModelInfo info, int length) {
        return switch (this) {
            case OUT_POSITION, IN_POSITION, POSITION -> length;
            case HEAD_DIMENSION -> info.headDim();
            case EMBEDDING -> info.k();
            case VOCABULARY -> info.numTokens();
        };
    }

    /**
     * The label of entry {@code index}.
     *
     * @param tokens the sequence, whose token a position label carries; null for labels that hold for any sequence
     *               (aggregated tables), e.g. "Out 2"
     */
    public String label(ModelInfo info, int[] tokens, int index) {
        return switch (this) {
            case OUT_POSITION, IN_POSITION, POSITION -> tokens == null ? prefix + index
                    : prefix + index + ": " + info.tokenLabel(tokens[index]);
            case HEAD_DIMENSION, EMBEDDING -> prefix + index;
            case VOCABULARY -> info.tokenLabel(index);
        };
    }

    /** The labels of all entries for a sequence of the given length (tokens may be null, see {@link #label}). */
    public String[] labels(ModelInfo info, int[] tokens, int length) {
        String[] labels = new String[size(info, length)];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = label(info, tokens, i);
        }
        return labels;
    }
}
