package org.gtlens.chart.data;

import org.gtlens.model.Kind;
import org.gtlens.repr.Matrix;

/**
 * Where the six figures get one sequence's matrices from: a {@link org.gtlens.repr.BatchResult}, or anything else
 * that can hand out a matrix per kind, block and head (a table read back from CSV, synthetic test data).
 */
@FunctionalInterface
public interface MatrixSource {

    /**
     * The matrix of one kind in one block; {@code head} is ignored for block-level kinds (out, logprobs).
     * Shapes: attention [L,L], queries/keys/values [L,d], out [L,k], logprobs [L,V].
     */
    Matrix matrix(Kind kind, int block, int head);
}
