package org.knime.core.node.streamable;

import java.util.ArrayList;
import java.util.List;

import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.container.DataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.TestTables;

/**
 * Test support (test-jar of the knime-api stand-in): a {@link RowOutput} collecting the pushed rows into a table of
 * the given spec (checked like a data container: cell count, types, unique keys). As in KNIME's streaming executor,
 * {@code push} never throws {@code OutputClosedException}; pushing after close is a mistake of the node and fails.
 */
public class TestRowOutput extends RowOutput {

    private final DataTableSpec m_spec;

    private final DataContainer m_container;

    private final List<DataRow> m_rows = new ArrayList<>();

    private boolean m_closed;

    /** @param spec the spec of the rows to be pushed */
    public TestRowOutput(final DataTableSpec spec) {
        m_spec = spec;
        m_container = new DataContainer(spec);
    }

    @Override
    public void push(final DataRow row) throws InterruptedException {
        if (m_closed) {
            throw new IllegalStateException("push() after close()");
        }
        m_container.addRowToTable(row);
        m_rows.add(row);
    }

    @Override
    public void close() throws InterruptedException {
        m_closed = true;
        m_container.close(); // where a KNIME container names a bad row it was not told about at push
    }

    /** @return whether {@link #close()} was called */
    public boolean isClosed() {
        return m_closed;
    }

    /** @return the rows pushed so far */
    public List<DataRow> rows() {
        return List.copyOf(m_rows);
    }

    /** @return the pushed rows as table */
    public BufferedDataTable getTable() {
        return TestTables.table(m_spec, m_rows);
    }
}
