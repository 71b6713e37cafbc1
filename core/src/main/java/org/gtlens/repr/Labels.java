package org.gtlens.repr;

import org.gtlens.model.Kind;
import org.gtlens.model.ModelInfo;

/**
 * Readable names for the rows and columns of every matrix, shared by tables and charts so both speak alike:
 * positions carry their token ("In 2: 5"), vocabulary columns carry the model's labels.
 */
public final class Labels {

    private Labels() {
    }

    /** Label of row {@code row} of a {@code kind} matrix of the given sequence. */
    public static String rowLabel(ModelInfo info, Kind kind, int[] tokens, int row) {
        String prefix = kind == Kind.ATTENTION ? "Out " : "Pos ";
        return prefix + row + ": " + info.tokenLabel(tokens[row]);
    }

    /** Label of column {@code col} of a {@code kind} matrix of the given sequence. */
    public static String colLabel(ModelInfo info, Kind kind, int[] tokens, int col) {
        return switch (kind) {
            case ATTENTION -> "In " + col + ": " + info.tokenLabel(tokens[col]);
            case QUERIES, KEYS, VALUES -> "d" + col;
            case OUT -> "e" + col;
            case LOGPROBS -> info.tokenLabel(col);
        };
    }

    /** All row labels of a {@code kind} matrix. */
    public static String[] rowLabels(ModelInfo info, Kind kind, int[] tokens) {
        String[] labels = new String[tokens.length];
        for (int r = 0; r < labels.length; r++) {
            labels[r] = rowLabel(info, kind, tokens, r);
        }
        return labels;
    }

    /** All column labels of a {@code kind} matrix. */
    public static String[] colLabels(ModelInfo info, Kind kind, int[] tokens) {
        String[] labels = new String[columns(info, kind, tokens.length)];
        for (int c = 0; c < labels.length; c++) {
            labels[c] = colLabel(info, kind, tokens, c);
        }
        return labels;
    }

    /** Number of columns of a {@code kind} matrix for sequences of the given length. */
    public static int columns(ModelInfo info, Kind kind, int length) {
        return switch (kind) {
            case ATTENTION -> length;
            case QUERIES, KEYS, VALUES -> info.headDim();
            case OUT -> info.k();
            case LOGPROBS -> info.numTokens();
        };
    }

    /** Axis title for the rows of a {@code kind} matrix, as the seed's figures name them. */
    public static String rowAxisTitle(Kind kind) {
        return kind == Kind.ATTENTION ? "Out-Position i" : "Position i";
    }

    /** Axis title for the columns of a {@code kind} matrix, as the seed's figures name them. */
    public static String colAxisTitle(Kind kind) {
        return switch (kind) {
            case ATTENTION -> "In-Position j";
            case QUERIES, KEYS, VALUES -> "Head dimension";
            case OUT -> "Embedding dimension";
            case LOGPROBS -> "Vocab-Token v";
        };
    }
}
