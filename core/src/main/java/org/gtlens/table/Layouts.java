package org.gtlens.table;

import java.util.Set;

import org.gtlens.model.Kind;
import org.gtlens.model.ModelInfo;
import org.gtlens.repr.BatchResult;
import org.gtlens.repr.Matrix;
import org.gtlens.repr.Sequence;

/**
 * Walks a batch in a fixed, documented order (sequence, block, kind, head, row, column) and emits it in the long
 * or the matrix layout. Kinds come in contract order whatever order the caller named them in.
 */
public final class Layouts {

    private Layouts() {
    }

    /** Emits one row per value. */
    public static <E extends Exception> void writeLong(BatchResult batch, Set<Kind> kinds, LongRowSink<E> sink)
            throws E {
        writeLong(batch, kinds, sink, 0, batch.size());
    }

    /** Emits one row per value of the batch's sequences {@code from} (inclusive) to {@code to} (exclusive). */
    public static <E extends Exception> void writeLong(BatchResult batch, Set<Kind> kinds, LongRowSink<E> sink,
            int from, int to) throws E {
        forEachMatrix(batch, kinds, from, to, (sequence, block, head, kind, m, rowLabels, colLabels) -> {
            for (int r = 0; r < m.rows(); r++) {
                for (int c = 0; c < m.cols(); c++) {
                    sink.row(sequence, block, head, kind, r, c, rowLabels[r], colLabels[c], m.get(r, c));
                }
            }
        });
    }

    /** Emits one row per matrix row. */
    public static <E extends Exception> void writeMatrix(BatchResult batch, Set<Kind> kinds, MatrixRowSink<E> sink)
            throws E {
        forEachMatrix(batch, kinds, 0, batch.size(), (sequence, block, head, kind, m, rowLabels, colLabels) -> {
            for (int r = 0; r < m.rows(); r++) {
                sink.row(sequence, block, head, kind, r, rowLabels[r], m);
            }
        });
    }

    /** One matrix of one sequence with its labels; {@code head} is -1 for block-level kinds. */
    @FunctionalInterface
    private interface MatrixVisitor<E extends Exception> {
        void visit(Sequence sequence, int block, int head, Kind kind, Matrix matrix, String[] rowLabels,
                String[] colLabels) throws E;
    }

    /** The documented order: sequence, block, kind (contract order), head. */
    private static <E extends Exception> void forEachMatrix(BatchResult batch, Set<Kind> kinds, int from, int to,
            MatrixVisitor<E> visitor) throws E {
        ModelInfo info = batch.info();
        for (int s = from; s < to; s++) {
            Sequence sequence = batch.sequence(s);
            int[] tokens = sequence.tokens();
            for (int block = 0; block < info.depth(); block++) {
                for (Kind kind : Kind.values()) {
                    if (!kinds.contains(kind)) {
                        continue;
                    }
                    String[] rowLabels = kind.rowAxis().labels(info, tokens, tokens.length);
                    String[] colLabels = kind.colAxis().labels(info, tokens, tokens.length);
                    for (int head = 0, heads = kind.perHead() ? info.heads() : 1; head < heads; head++) {
                        visitor.visit(sequence, block, kind.perHead() ? head : -1, kind,
                                batch.matrix(s, kind, block, head), rowLabels, colLabels);
                    }
                }
            }
        }
    }

    /** Rows of the long layout for one sequence of the given length: one per value of every chosen matrix. */
    public static long longRows(ModelInfo info, Set<Kind> kinds, int length) {
        long rows = 0;
        for (Kind kind : kinds) {
            rows += kind.valuesPerBlock(info, length);
        }
        return rows * info.depth();
    }

    /** Number of value columns the matrix layout needs for these kinds: the widest matrix any of them has. */
    public static int matrixWidth(ModelInfo info, Set<Kind> kinds) {
        int width = 0;
        for (Kind kind : kinds) {
            width = Math.max(width, kind.columns(info, info.t()));
        }
        return width;
    }
}
