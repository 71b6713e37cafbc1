package org.knime.core.data.container;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTable;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;

/**
 * Stand-in for KNIME's {@code DataContainer} (compile/test only, never shipped): collects rows in memory. Like
 * KNIME it rejects rows with the wrong number of cells, cells whose type does not fit the column type (missing
 * cells always fit), null cells and duplicate row keys; {@link #getTable()} is only available after
 * {@link #close()}.
 */
public class DataContainer implements RowAppender, RowFlushable {

    private final DataTableSpec m_spec;

    private final List<DataRow> m_rows = new ArrayList<>();

    private final Set<String> m_keys = new HashSet<>();

    private DataTable m_table;

    /** @param spec the spec of the rows to be added */
    public DataContainer(final DataTableSpec spec) {
        this(spec, false);
    }

    /**
     * @param spec the spec of the rows to be added
     * @param initDomain ignored (the stand-in keeps no domains)
     */
    public DataContainer(final DataTableSpec spec, final boolean initDomain) {
        m_spec = Objects.requireNonNull(spec, "Spec must not be null!");
    }

    @Override
    public void addRowToTable(final DataRow row) {
        if (!isOpen()) {
            throw new IllegalStateException("The container is closed; no rows can be added");
        }
        Objects.requireNonNull(row, "Row must not be null.");
        int n = m_spec.getNumColumns();
        if (row.getNumCells() != n) {
            throw new IllegalArgumentException("Row \"" + row.getKey() + "\" has " + row.getNumCells() + " cells but the spec has " + n
                + " columns");
        }
        for (int i = 0; i < n; i++) {
            DataCell c = row.getCell(i);
            if (c == null) {
                throw new NullPointerException("Cell " + i + " in row \"" + row.getKey() + "\" is null");
            }
            DataColumnSpec col = m_spec.getColumnSpec(i);
            DataType cellType = c.getType();
            if (!c.isMissing() && !col.getType().isASuperTypeOf(cellType)) {
                throw new IllegalArgumentException("Cell " + i + " of row \"" + row.getKey() + "\" has type " + cellType
                    + ", which does not fit column \"" + col.getName() + "\" of type " + col.getType());
            }
        }
        if (!m_keys.add(row.getKey().getString())) {
            throw new IllegalArgumentException("Row key \"" + row.getKey() + "\" was added twice");
        }
        m_rows.add(row);
    }

    @Override
    public void flushRows() {
        // rows are in memory
    }

    /** @return the table; only after {@link #close()} */
    public DataTable getTable() {
        if (m_table == null) {
            throw new IllegalStateException("Cannot get table: container is not closed.");
        }
        return m_table;
    }

    /** Closes the container; no more rows can be added. */
    public void close() {
        if (m_table == null) {
            m_table = new RowListTable(m_spec, m_rows);
        }
    }

    /** @return whether {@link #close()} was called */
    public boolean isClosed() {
        return m_table != null;
    }

    /** @return whether rows can be added */
    public boolean isOpen() {
        return m_table == null;
    }

    /** @return the number of rows added */
    public long size() {
        return m_rows.size();
    }

    /** @return the spec */
    public DataTableSpec getTableSpec() {
        return m_spec;
    }
}
