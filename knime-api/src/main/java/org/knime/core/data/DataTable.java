package org.knime.core.data;

/** Stand-in for KNIME's {@code DataTable} (compile/test only, never shipped): an iterable table with a spec. */
public interface DataTable extends Iterable<DataRow> {

    DataTableSpec getDataTableSpec();

    @Override
    RowIterator iterator();
}
