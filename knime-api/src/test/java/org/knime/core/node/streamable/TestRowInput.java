package org.knime.core.node.streamable;

import java.util.ArrayList;
import java.util.List;

import org.knime.core.data.DataRow;
import org.knime.core.data.DataTable;
import org.knime.core.data.DataTableSpec;

/**
 * Test support (test-jar of the knime-api stand-in): a {@link RowInput} serving the rows of a table one by one;
 * records how many rows were polled and whether it was closed.
 */
public class TestRowInput extends RowInput {

    private final DataTableSpec m_spec;

    private final List<DataRow> m_rows = new ArrayList<>();

    private int m_next;

    private boolean m_closed;

    /** @param table the rows to serve */
    public TestRowInput(final DataTable table) {
        m_spec = table.getDataTableSpec();
        table.forEach(m_rows::add);
    }

    /**
     * @param spec the spec
     * @param rows the rows to serve
     */
    public TestRowInput(final DataTableSpec spec, final List<? extends DataRow> rows) {
        m_spec = spec;
        m_rows.addAll(rows);
    }

    @Override
    public DataTableSpec getDataTableSpec() {
        return m_spec;
    }

    /** @return the next row, null at the end or after {@link #close()} */
    @Override
    public DataRow poll() throws InterruptedException {
        if (m_closed || m_next >= m_rows.size()) {
            return null;
        }
        return m_rows.get(m_next++);
    }

    @Override
    public void close() {
        m_closed = true;
    }

    /** @return whether {@link #close()} was called */
    public boolean isClosed() {
        return m_closed;
    }

    /** @return how many rows this input holds */
    public int rowCount() {
        return m_rows.size();
    }

    /** @return how many rows were handed out */
    public int polledRows() {
        return m_next;
    }
}
