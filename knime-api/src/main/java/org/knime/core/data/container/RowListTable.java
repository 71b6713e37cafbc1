package org.knime.core.data.container;

import java.util.List;

import org.knime.core.data.DataRow;
import org.knime.core.data.DataTable;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.RowIterator;

/** Stand-in helper (package-private): the in-memory table a {@link DataContainer} returns. */
final class RowListTable implements DataTable {

    private final DataTableSpec m_spec;

    private final List<DataRow> m_rows;

    RowListTable(final DataTableSpec spec, final List<DataRow> rows) {
        m_spec = spec;
        m_rows = List.copyOf(rows);
    }

    @Override
    public DataTableSpec getDataTableSpec() {
        return m_spec;
    }

    @Override
    public RowIterator iterator() {
        return CloseableRowIterator.from(m_rows.iterator());
    }
}
