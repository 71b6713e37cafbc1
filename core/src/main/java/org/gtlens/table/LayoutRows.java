package org.gtlens.table;

import org.gtlens.model.Kind;
import org.gtlens.repr.Matrix;
import org.gtlens.repr.Sequence;

/** One row of the long or the matrix layout as the values of its schema ({@link Tables#LONG}, {@link Tables#matrix}). */
public final class LayoutRows {

    private LayoutRows() {
    }

    /** A row of {@link Tables#LONG}; {@code head} is -1 for block-level kinds (an empty cell). */
    public static Object[] longRow(Sequence sequence, int block, int head, Kind kind, int row, int col,
            String rowLabel, String colLabel, float value) {
        return new Object[] {sequence.id(), block, head < 0 ? null : head, kind.contractName(), row, col, rowLabel,
            colLabel, value};
    }

    /**
     * A row of {@code Tables.matrix(width)}: the cells {@code cols[0..n)} (ascending) of row {@code row} of the
     * matrix; the other value cells are empty.
     */
    public static Object[] matrixRow(int width, Sequence sequence, int block, int head, Kind kind, int row,
            String rowLabel, Matrix matrix, int[] cols, int n) {
        int keys = Tables.MATRIX_KEYS.columns().size();
        Object[] values = new Object[keys + width];
        values[0] = sequence.id();
        values[1] = block;
        values[2] = head < 0 ? null : head;
        values[3] = kind.contractName();
        values[4] = row;
        values[5] = rowLabel;
        for (int i = 0; i < n; i++) {
            values[keys + cols[i]] = matrix.get(row, cols[i]);
        }
        return values;
    }
}
