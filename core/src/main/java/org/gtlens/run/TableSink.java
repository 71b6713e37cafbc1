package org.gtlens.run;

import org.gtlens.repr.BatchResult;
import org.gtlens.table.RowSink;

/**
 * Where the rows of one output table go: a CSV file or a KNIME table. Rows arrive as the table's schema declares them
 * ({@link RowSink}); a sink that encodes the long layout faster from a whole batch may take the batch instead.
 */
public interface TableSink extends RowSink<Exception> {

    /**
     * Offers a batch of the long representation layout as a whole.
     *
     * @return true when the sink wrote the batch's rows itself; false to receive them one by one
     */
    default boolean takeLong(BatchResult batch) throws Exception {
        return false;
    }

    /** A sink that keeps nothing. */
    TableSink NONE = values -> {
    };
}
