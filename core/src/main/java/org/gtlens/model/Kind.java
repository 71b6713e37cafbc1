package org.gtlens.model;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The per-block representations and everything known about each: its contract name and ONNX output, whether it has
 * one matrix per head, its row and column axes (sizes, labels, titles) and its batch shape. This is the one table of
 * per-kind facts; the contract check, the ONNX Runtime buffers, the tables and the charts all read it. Names follow
 * the contract (TransformerLens-style: one predictable name per tensor, {@code block{i}.{kind}}).
 */
public enum Kind {
    /** Softmax attention weights, [b, h, L, L]; causal: zero above the diagonal. */
    ATTENTION(true, Axis.OUT_POSITION, Axis.IN_POSITION),
    /** Queries as projected, [b, h, L, d]. */
    QUERIES(true, Axis.POSITION, Axis.HEAD_DIMENSION),
    /** Keys as projected, [b, h, L, d]. */
    KEYS(true, Axis.POSITION, Axis.HEAD_DIMENSION),
    /** Values as projected, [b, h, L, d]. */
    VALUES(true, Axis.POSITION, Axis.HEAD_DIMENSION),
    /** The residual stream after the block, [b, L, k]. */
    OUT(false, Axis.POSITION, Axis.EMBEDDING),
    /** The block's logit lens, log-softmax of toprobs(out), [b, L, V]. */
    LOGPROBS(false, Axis.POSITION, Axis.VOCABULARY),
    /**
     * Attention rollout up to the block, [b, L, L]: derived by readers from the attention of blocks 0..i (see
     * docs/contract.md), not an ONNX output; causal like attention.
     */
    ROLLOUT(false, Axis.OUT_POSITION, Axis.IN_POSITION);

    private static final Set<Kind> CONTRACT = java.util.Collections.unmodifiableSet(
            EnumSet.of(ATTENTION, QUERIES, KEYS, VALUES, OUT, LOGPROBS));

    /** The ONNX output of the model's final log-probabilities, shaped like a block's {@link #LOGPROBS}. */
    public static final String FINAL_LOGPROBS = "logprobs";

    private final boolean perHead;
    private final Axis rows;
    private final Axis cols;
    private final String contractName;

    Kind(boolean perHead, Axis rows, Axis cols) {
        this.perHead = perHead;
        this.rows = rows;
        this.cols = cols;
        this.contractName = name().toLowerCase(Locale.ROOT);
    }

    /** The kinds the model itself outputs (every kind but the derived ones), in contract order. */
    public static Set<Kind> contract() {
        return CONTRACT;
    }

    /** True for kinds readers compute from the model's outputs rather than fetch ({@link #ROLLOUT}). */
    public boolean derived() {
        return !CONTRACT.contains(this);
    }

    /** True for tensors that have one matrix per head ([b,h,L,*]), false for block-level ones ([b,L,*]). */
    public boolean perHead() {
        return perHead;
    }

    /** The axis of the matrix rows (always a position). */
    public Axis rowAxis() {
        return rows;
    }

    /** The axis of the matrix columns. */
    public Axis colAxis() {
        return cols;
    }

    /** True when the causal mask makes every cell above the diagonal (column > row) zero. */
    public boolean causal() {
        return cols == Axis.IN_POSITION;
    }

    /**
     * How many leading columns of matrix row {@code row} hold values, of {@code cols}: a query at position i sees
     * only the keys 0..i under the causal mask, so a causal kind's row ends at its diagonal; other kinds use all.
     */
    public int visibleColumns(int row, int cols) {
        return causal() ? Math.min(cols, row + 1) : cols;
    }

    /** The contract's spelling, e.g. {@code attention}. */
    public String contractName() {
        return contractName;
    }

    /**
     * The ONNX output name of this kind in block {@code block}, e.g. {@code block1.keys}; for a derived kind the name
     * it would have (nothing by that name is fetched).
     */
    public String outputName(int block) {
        return OutputName.of(block, contractName()).toString();
    }

    /** Number of matrices per block: the heads, or 1 for block-level kinds. */
    public int matrices(ModelInfo info) {
        return perHead ? info.heads() : 1;
    }

    /** Number of rows of one matrix for sequences of the given length. */
    public int rows(ModelInfo info, int length) {
        return rows.size(info, length);
    }

    /** Number of columns of one matrix for sequences of the given length. */
    public int columns(ModelInfo info, int length) {
        return cols.size(info, length);
    }

    /** Values of one sequence in one block: every matrix of it. */
    public long valuesPerBlock(ModelInfo info, int length) {
        return (long) matrices(info) * rows(info, length) * columns(info, length);
    }

    /** The shape of this kind's output of one block for a batch ({@code b, [h,] L, cols}), as the contract declares. */
    public long[] shape(ModelInfo info, long batch, int length) {
        return perHead ? new long[] {batch, info.heads(), rows(info, length), columns(info, length)}
                : new long[] {batch, rows(info, length), columns(info, length)};
    }

    /** Parses a contract spelling (case-insensitive), or returns null. */
    public static Kind fromContractName(String name) {
        for (Kind kind : values()) {
            if (kind.contractName().equalsIgnoreCase(name.trim())) {
                return kind;
            }
        }
        return null;
    }

    /**
     * Parses a comma-separated list of contract spellings ({@code attention,keys}), as the command line and settings
     * take it.
     *
     * @throws IllegalArgumentException naming the first unknown name and the valid ones, or when none is given
     */
    public static Set<Kind> parseList(String text) {
        Set<Kind> kinds = EnumSet.noneOf(Kind.class);
        for (String part : text.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            Kind kind = fromContractName(part);
            if (kind == null) {
                throw new IllegalArgumentException("'" + part.trim() + "' is not a kind; choose from " + names());
            }
            kinds.add(kind);
        }
        if (kinds.isEmpty()) {
            throw new IllegalArgumentException("no kind given; choose from " + names());
        }
        return kinds;
    }

    /** The contract spellings of all kinds, comma-separated. */
    public static String names() {
        StringJoiner j = new StringJoiner(", ");
        for (Kind k : values()) {
            j.add(k.contractName());
        }
        return j.toString();
    }
}
