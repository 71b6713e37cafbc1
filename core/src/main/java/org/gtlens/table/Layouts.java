package org.gtlens.table;

import java.util.Collection;

import org.gtlens.model.Kind;
import org.gtlens.model.ModelInfo;
import org.gtlens.repr.BatchResult;
import org.gtlens.repr.Matrix;
import org.gtlens.repr.Selection;
import org.gtlens.repr.Sequence;

/**
 * Walks a batch in a fixed, documented order (sequence, block, kind in contract order, head, row, column) over what a
 * {@link Selection} keeps, and emits it in the long or the matrix layout. The CSV encoder walks the same way, so every
 * writer of a table writes the same cells.
 */
public final class Layouts {

    private Layouts() {
    }

    /** Emits one row per kept value. */
    public static <E extends Exception> void writeLong(BatchResult batch, Selection selection, LongRowSink<E> sink)
            throws E {
        int[] cols = new int[maxColumns(batch, selection)];
        forEachMatrix(batch, selection, 0, batch.size(), (sequence, block, head, kind, m, rows, rowLabels,
                colLabels) -> {
            for (int r : rows) {
                int n = selection.columns(kind, m, r, cols);
                for (int i = 0; i < n; i++) {
                    int c = cols[i];
                    sink.row(sequence, block, head, kind, r, c, rowLabels[r], colLabels[c], m.get(r, c));
                }
            }
        });
    }

    /** Emits one row per kept matrix row, with the columns it keeps. */
    public static <E extends Exception> void writeMatrix(BatchResult batch, Selection selection,
            MatrixRowSink<E> sink) throws E {
        int[] cols = new int[maxColumns(batch, selection)];
        forEachMatrix(batch, selection, 0, batch.size(), (sequence, block, head, kind, m, rows, rowLabels,
                colLabels) -> {
            for (int r : rows) {
                int n = selection.columns(kind, m, r, cols);
                java.util.Arrays.sort(cols, 0, n);
                sink.row(sequence, block, head, kind, r, rowLabels[r], m, cols, n);
            }
        });
    }

    /** One matrix of one sequence with its selected rows and labels; {@code head} is -1 for block-level kinds. */
    @FunctionalInterface
    public interface MatrixVisitor<E extends Exception> {
        void visit(Sequence sequence, int block, int head, Kind kind, Matrix matrix, int[] rows, String[] rowLabels,
                String[] colLabels) throws E;
    }

    /** The documented order over the selection, for the batch's sequences {@code from} (inclusive) to {@code to}. */
    public static <E extends Exception> void forEachMatrix(BatchResult batch, Selection selection, int from, int to,
            MatrixVisitor<E> visitor) throws E {
        ModelInfo info = batch.info();
        int[] blocks = selection.blocks(info);
        for (int s = from; s < to; s++) {
            Sequence sequence = batch.sequence(s);
            int[] tokens = sequence.tokens();
            int[] rows = selection.rows(tokens.length);
            String[][] rowLabels = new String[Kind.values().length][];
            String[][] colLabels = new String[Kind.values().length][];
            for (int block : blocks) {
                for (Kind kind : selection.orderedKinds()) {
                    int k = kind.ordinal();
                    if (rowLabels[k] == null) {
                        rowLabels[k] = kind.rowAxis().labels(info, tokens, tokens.length);
                        colLabels[k] = kind.colAxis().labels(info, tokens, tokens.length);
                    }
                    for (int head : selection.heads(info, kind)) {
                        visitor.visit(sequence, block, head, kind, batch.matrix(s, kind, block, Math.max(0, head)),
                                rows, rowLabels[k], colLabels[k]);
                    }
                }
            }
        }
    }

    private static int maxColumns(BatchResult batch, Selection selection) {
        int max = 1;
        for (Kind kind : selection.kinds()) {
            max = Math.max(max, kind.columns(batch.info(), batch.length()));
        }
        return max;
    }

    /** Number of value columns the matrix layout needs for these kinds: the widest matrix any of them has. */
    public static int matrixWidth(ModelInfo info, Collection<Kind> kinds) {
        int width = 0;
        for (Kind kind : kinds) {
            width = Math.max(width, kind.columns(info, info.t()));
        }
        return width;
    }
}
