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
import org.knime.core.util.DuplicateKeyException;

/**
 * Stand-in for KNIME's {@code DataContainer} (compile/test only, never shipped): collects rows in memory. Like
 * KNIME it rejects rows with the wrong number of cells, cells whose type does not fit the column type (missing
 * cells always fit), null cells and duplicate row keys; {@link #getTable()} is only available after
 * {@link #close()}.
 *
 * <p>And like KNIME's, whose writer checks rows asynchronously in batches, a bad row is not refused when it is
 * added: the stand-in checks rows a batch of {@value #BATCH} at a time when the batch is full, and the first error
 * is thrown, as a {@link DataContainerException} (a {@link DuplicateKeyException} for a row ID added twice), on the
 * next {@code addRowToTable} or at {@link #close()}. So a node that closes its containers in a {@code finally}
 * block can see that error replace the one it was failing with.
 */
public class DataContainer implements RowAppender, RowFlushable {

    private final DataTableSpec m_spec;

    private final List<DataRow> m_rows = new ArrayList<>();

    private final Set<String> m_keys = new HashSet<>();

    private DataTable m_table;

    /** Rows per checked batch (KNIME's writer works in batches too). */
    static final int BATCH = 100;

    private int m_checked;

    private RuntimeException m_writeError;

    private String m_failAtClose;

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
        throwWriteError();
        m_rows.add(row);
        if (m_rows.size() - m_checked >= BATCH) {
            checkBatch();
        }
    }

    private void throwWriteError() {
        RuntimeException e = m_writeError;
        if (e instanceof DuplicateKeyException d) {
            throw new DuplicateKeyException(d);
        }
        if (e != null) {
            throw new DataContainerException(e.getMessage(), e);
        }
    }

    /** Checks the rows added since the last check, as KNIME's writer does with a batch; keeps the first error. */
    private void checkBatch() {
        for (; m_checked < m_rows.size() && m_writeError == null; m_checked++) {
            try {
                check(m_rows.get(m_checked));
            } catch (RuntimeException e) {
                m_writeError = e;
            }
        }
        m_checked = m_rows.size();
    }

    private void check(final DataRow row) {
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
            throw new DuplicateKeyException("Encountered duplicate row ID \"" + row.getKey() + "\"",
                row.getKey().getString());
        }
    }

    /** Test hook (package-private): close fails with this message, as when KNIME's writer failed (e.g. disk full). */
    final void failAtClose(final String message) {
        m_failAtClose = message;
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
            checkBatch();
            throwWriteError();
            if (m_failAtClose != null) {
                throw new DataContainerException(m_failAtClose);
            }
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
