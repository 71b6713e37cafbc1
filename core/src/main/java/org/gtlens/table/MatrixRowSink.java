package org.gtlens.table;

import org.gtlens.model.Kind;
import org.gtlens.repr.Matrix;
import org.gtlens.repr.Sequence;

/**
 * Receives the matrix layout: one call per kept matrix row, the values being the cells {@code cols[0..n)} (ascending)
 * of row {@code row} of {@code matrix}; its other cells are not kept (masked, or outside a top-k) and stay empty.
 */
@FunctionalInterface
public interface MatrixRowSink<E extends Exception> {

    /**
     * @param head -1 for block-level kinds (out, logprobs)
     */
    void row(Sequence sequence, int block, int head, Kind kind, int row, String rowLabel, Matrix matrix, int[] cols,
            int n) throws E;
}
