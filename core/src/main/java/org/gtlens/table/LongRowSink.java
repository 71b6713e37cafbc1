package org.gtlens.table;

import org.gtlens.model.Kind;
import org.gtlens.repr.Sequence;

/**
 * Receives the long layout one value at a time: the shape that joins, filters and group-bys in any table tool
 * handle best. Implemented by the CSV writer and by the KNIME table builder; it throws what its output throws.
 */
@FunctionalInterface
public interface LongRowSink<E extends Exception> {

    /**
     * @param head -1 for block-level kinds (out, logprobs)
     */
    void row(Sequence sequence, int block, int head, Kind kind, int row, int col, String rowLabel, String colLabel,
            float value) throws E;
}
