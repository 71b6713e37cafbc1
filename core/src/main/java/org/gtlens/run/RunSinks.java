package org.gtlens.run;

import org.gtlens.repr.Item;

/**
 * What a front end gives a {@link TableRun}: a sink for each output table and a place for the prediction of each
 * input item. The command line supplies CSV files, the KNIME node its containers; the run decides every row.
 *
 * @param <T> the front end's unit of input (a CSV group value, a KNIME row)
 */
public interface RunSinks<T> {

    /** The sink of one output table, asked once per output the job writes, before the first batch. */
    TableSink table(Output output) throws Exception;

    /**
     * The prediction of one item, in input order.
     *
     * @param row the item's row of {@code Tables.PREDICTIONS}, or null for an item passed through without running
     */
    void prediction(Item<T> item, Object[] row) throws Exception;
}
