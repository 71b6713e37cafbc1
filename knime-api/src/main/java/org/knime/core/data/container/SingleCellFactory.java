package org.knime.core.data.container;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataRow;

/**
 * Stand-in for KNIME's {@code SingleCellFactory} (compile/test only, never shipped): a cell factory for one new
 * column. Implementations override {@code getCell(DataRow)} or {@code getCell(DataRow, long)}.
 */
public abstract class SingleCellFactory extends AbstractCellFactory {

    /** @param newColSpec the spec of the new column */
    public SingleCellFactory(final DataColumnSpec newColSpec) {
        super(newColSpec);
    }

    /**
     * @param processConcurrently whether KNIME may process rows concurrently
     * @param newColSpec the spec of the new column
     */
    public SingleCellFactory(final boolean processConcurrently, final DataColumnSpec newColSpec) {
        super(processConcurrently, newColSpec);
    }

    /**
     * @param processConcurrently whether KNIME may process rows concurrently
     * @param workerCount the number of workers
     * @param maxQueueSize the queue size
     * @param newColSpec the spec of the new column
     */
    public SingleCellFactory(final boolean processConcurrently, final int workerCount, final int maxQueueSize,
        final DataColumnSpec newColSpec) {
        super(processConcurrently, workerCount, maxQueueSize, newColSpec);
    }

    @Override
    public DataCell[] getCells(final DataRow row, final long rowIndex) {
        return new DataCell[]{getCell(row, rowIndex)};
    }

    /**
     * @param row the input row
     * @return the new cell
     */
    public DataCell getCell(final DataRow row) {
        return CellFactoryGuard.delegate(this, "getCell(DataRow) or getCell(DataRow, long)",
            () -> getCell(row, -1L));
    }

    /**
     * @param row the input row
     * @param rowIndex its index
     * @return the new cell
     */
    public DataCell getCell(final DataRow row, final long rowIndex) {
        return getCell(row);
    }
}
