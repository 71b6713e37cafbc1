package org.knime.core.node;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTable;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.RowKey;
import org.knime.core.data.container.ColumnRearranger;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.StringCell;

/**
 * Test support (test-jar of the knime-api stand-in): builds and reads in-memory {@link BufferedDataTable}s. Rows
 * go through a {@link BufferedDataContainer}, so the same checks as in KNIME apply (cell count, cell types,
 * duplicate row keys).
 */
public final class TestTables {

    private TestTables() {
    }

    /**
     * @param spec the spec
     * @param rows the rows
     * @return a table with these rows
     */
    public static BufferedDataTable table(final DataTableSpec spec, final DataRow... rows) {
        return table(spec, Arrays.asList(rows));
    }

    /**
     * @param spec the spec
     * @param rows the rows
     * @return a table with these rows
     */
    public static BufferedDataTable table(final DataTableSpec spec, final List<? extends DataRow> rows) {
        BufferedDataContainer c = new BufferedDataContainer(spec);
        rows.forEach(c::addRowToTable);
        c.close();
        return c.getTable();
    }

    /**
     * Builds a table from plain values (see {@link #cell(Object)}); row keys are Row0, Row1, ...
     *
     * @param names column names
     * @param types column types
     * @param rows one array of values per row
     * @return the table
     */
    public static BufferedDataTable table(final String[] names, final DataType[] types, final Object[]... rows) {
        List<DataRow> list = new ArrayList<>();
        for (int r = 0; r < rows.length; r++) {
            DataCell[] cells = new DataCell[rows[r].length];
            for (int c = 0; c < cells.length; c++) {
                cells[c] = cell(rows[r][c]);
            }
            list.add(new DefaultRow(RowKey.createRowKey((long)r), cells));
        }
        return table(new DataTableSpec(names, types), list);
    }

    /**
     * @param value a DataCell (kept), String, Integer, Double/Float/Long (as DoubleCell) or null (missing cell)
     * @return the cell
     */
    public static DataCell cell(final Object value) {
        if (value == null) {
            return DataType.getMissingCell();
        } else if (value instanceof DataCell c) {
            return c;
        } else if (value instanceof String s) {
            return new StringCell(s);
        } else if (value instanceof Integer i) {
            return new IntCell(i);
        } else if (value instanceof Number n) {
            return new DoubleCell(n.doubleValue());
        }
        throw new IllegalArgumentException("No cell for " + value.getClass().getName());
    }

    /**
     * @param table any table
     * @return its rows, in order
     */
    public static List<DataRow> rows(final DataTable table) {
        List<DataRow> rows = new ArrayList<>();
        table.forEach(rows::add);
        return rows;
    }

    /**
     * @param table any table
     * @param column a column name
     * @return the cells of that column, in row order
     */
    public static List<DataCell> column(final DataTable table, final String column) {
        int i = table.getDataTableSpec().findColumnIndex(column);
        if (i < 0) {
            throw new IllegalArgumentException("No column \"" + column + "\" in " + table.getDataTableSpec());
        }
        List<DataCell> cells = new ArrayList<>();
        table.forEach(r -> cells.add(r.getCell(i)));
        return cells;
    }

    /**
     * Applies a column rearranger as {@code ExecutionContext#createColumnRearrangeTable} does.
     *
     * @param in the input
     * @param rearranger the rearranger
     * @return the output table
     * @throws CanceledExecutionException never (the context is not canceled)
     */
    public static BufferedDataTable rearrange(final BufferedDataTable in, final ColumnRearranger rearranger)
        throws CanceledExecutionException {
        ExecutionContext exec = TestExecution.create().context();
        return exec.createColumnRearrangeTable(in, rearranger, exec);
    }
}
