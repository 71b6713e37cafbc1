package org.gtlens.table;

import org.gtlens.model.Kind;
import org.gtlens.repr.Matrix;
import org.gtlens.repr.Sequence;

/** Receives the matrix layout: one call per matrix row, the values being row {@code row} of {@code matrix}. */
@FunctionalInterface
public interface MatrixRowSink<E extends Exception> {

    /**
     * @param head -1 for block-level kinds (out, logprobs)
     */
    void row(Sequence sequence, int block, int head, Kind kind, int row, String rowLabel, Matrix matrix)
            throws E;
}
