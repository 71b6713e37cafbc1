package org.gtlens.repr;

import java.util.List;

/**
 * The one rule for a sequence laid out one column per position (a wide table, as a CSV reader makes of sequences of
 * different lengths): empty cells at the end of a row end its sequence, and an empty cell followed by a token is an
 * error, never skipped. The command line's CSV reader and the KNIME node both read position columns through it.
 */
public final class PositionCells {

    private PositionCells() {
    }

    /** The cells of one row, by position column. */
    public interface Cells<E extends Exception> {
        /** True when the cell of this column holds nothing. */
        boolean isEmpty(int column);

        /** The token of a cell that is not empty. */
        int token(int column) throws E;
    }

    /** A row whose position cells make no sequence; the message names column and position, not the row. */
    public static final class Gap extends Exception {
        private static final long serialVersionUID = 1L;

        Gap(String message) {
            super(message);
        }
    }

    /**
     * The tokens of a row: its cells up to the last one that is not empty.
     *
     * @param names the position columns' names, in position order
     * @throws Gap "has no tokens: every position column is empty", or "has an empty cell in column 'c1' (position 1)
     *             before the token in column 'c2'; a sequence ends at its first empty cell"
     */
    public static <E extends Exception> int[] read(Cells<E> cells, List<String> names) throws Gap, E {
        int n = names.size();
        while (n > 0 && cells.isEmpty(n - 1)) {
            n--;
        }
        if (n == 0) {
            throw new Gap("has no tokens: every position column is empty");
        }
        int[] tokens = new int[n];
        for (int p = 0; p < n; p++) {
            if (cells.isEmpty(p)) {
                throw new Gap("has an empty cell in column '" + names.get(p) + "' (position " + p + ") before the "
                        + "token in column '" + names.get(n - 1) + "'; a sequence ends at its first empty cell");
            }
            tokens[p] = cells.token(p);
        }
        return tokens;
    }
}
