package org.knime.core.node;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import javax.swing.JComponent;

import org.knime.core.data.DataRow;
import org.knime.core.data.DataTable;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.container.CloseableRowIterator;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortType;
import org.knime.core.node.port.PortTypeRegistry;

/**
 * Stand-in for KNIME's {@code BufferedDataTable} (compile/test only, never shipped): an immutable in-memory table,
 * created through an {@link ExecutionContext} (or the test harness {@code TestTables}). When KNIME resets a node it
 * disposes the tables the node made, its internal tables among them ({@code Node#cleanOutPorts}); reading such a table
 * afterwards fails as KNIME's does ({@code Buffer#iterator}: "Cannot iterate over table: buffer has been cleared.",
 * knime/knime-core {@code org.knime.core/src/eclipse/org/knime/core/data/container/Buffer.java} at
 * {@code analytics-platform/5.5.3}).
 */
public final class BufferedDataTable implements DataTable, PortObject {

    /** The port type of data tables. */
    public static final PortType TYPE = PortTypeRegistry.getInstance().getPortType(BufferedDataTable.class);

    /** The optional port type of data tables. */
    public static final PortType TYPE_OPTIONAL =
        PortTypeRegistry.getInstance().getPortType(BufferedDataTable.class, true);

    private static final AtomicInteger IDS = new AtomicInteger();

    private final DataTableSpec m_spec;

    private final List<DataRow> m_rows;

    private final int m_id = IDS.incrementAndGet();

    private volatile boolean m_cleared;

    BufferedDataTable(final DataTableSpec spec, final List<DataRow> rows) {
        m_spec = spec;
        m_rows = List.copyOf(rows);
    }

    List<DataRow> rows() {
        checkNotCleared();
        return m_rows;
    }

    /** Disposes the table's data, as KNIME does with a reset node's tables (package-private: the harness does it). */
    void clear() {
        m_cleared = true;
    }

    private void checkNotCleared() {
        if (m_cleared) {
            throw new IllegalStateException("Cannot iterate over table: buffer has been cleared.");
        }
    }

    @Override
    public DataTableSpec getDataTableSpec() {
        return m_spec;
    }

    @Override
    public DataTableSpec getSpec() {
        return m_spec;
    }

    @Override
    public String getSummary() {
        return "Rows: " + m_rows.size() + ", Cols: " + m_spec.getNumColumns();
    }

    @Override
    public CloseableRowIterator iterator() {
        return CloseableRowIterator.from(rows().iterator());
    }

    /** @return an iterator (same as {@link #iterator()}) */
    public CloseableRowIterator iteratorFailProve() {
        return iterator();
    }

    /**
     * @return the row count
     * @deprecated use {@link #size()}
     */
    @Deprecated
    public int getRowCount() {
        return m_rows.size();
    }

    /** @return the row count */
    public long size() {
        return m_rows.size();
    }

    /** @return an ID unique within this JVM */
    public Integer getBufferedTableId() {
        return m_id;
    }

    @Override
    public JComponent[] getViews() {
        return new JComponent[0];
    }
}
