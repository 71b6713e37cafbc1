package org.knime.core.data.container;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataRow;
import org.knime.core.data.RowKey;
import org.knime.core.node.ExecutionMonitor;

/**
 * Stand-in for KNIME's {@code CellFactory} (compile/test only, never shipped): computes the new cells of one row
 * for a {@link ColumnRearranger}. Implementations override {@code getCells(DataRow)} or
 * {@code getCells(DataRow, long)}.
 */
public interface CellFactory {

    /**
     * @param row the input row
     * @return the new cells, one per {@link #getColumnSpecs()} entry
     */
    default DataCell[] getCells(final DataRow row) {
        return CellFactoryGuard.delegate(this, "getCells(DataRow) or getCells(DataRow, long)",
            () -> getCells(row, -1L));
    }

    /**
     * @param row the input row
     * @param rowIndex its index
     * @return the new cells, one per {@link #getColumnSpecs()} entry
     */
    default DataCell[] getCells(final DataRow row, final long rowIndex) {
        return getCells(row);
    }

    DataColumnSpec[] getColumnSpecs();

    @Deprecated
    void setProgress(int curRowNr, int rowCount, RowKey lastKey, ExecutionMonitor exec);

    /**
     * @param curRowNr rows processed so far
     * @param rowCount all rows
     * @param lastKey the key of the last row
     * @param exec where to report
     */
    default void setProgress(final long curRowNr, final long rowCount, final RowKey lastKey,
        final ExecutionMonitor exec) {
        setProgress((int)Math.min(Integer.MAX_VALUE, curRowNr), (int)Math.min(Integer.MAX_VALUE, rowCount), lastKey,
            exec);
    }
}
