package org.gtlens.knime.table;

import java.util.List;

import org.gtlens.table.Column;
import org.gtlens.table.TableSchema;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataType;
import org.knime.core.data.RowKey;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.StringCell;

/**
 * The core's table schemas as KNIME sees them: column titles and cell types for the node outputs, and the lookup
 * that finds a schema column in any table by its title or its key (so a CSV written by the command line and read
 * with KNIME's CSV Reader works like the node's own output).
 */
public final class KnimeTables {

    private KnimeTables() {
    }

    /**
     * @param type a schema column type
     * @return the KNIME cell type of it
     */
    public static DataType type(final Column.Type type) {
        return switch (type) {
            case TEXT -> StringCell.TYPE;
            case INTEGER -> IntCell.TYPE;
            case NUMBER -> DoubleCell.TYPE;
        };
    }

    /**
     * @param schema a table schema
     * @return the KNIME spec of it: titles as column names
     */
    public static DataTableSpec spec(final TableSchema schema) {
        return new DataTableSpec(columns(schema.columns(), null));
    }

    /**
     * @param in an input table spec
     * @param appended schema columns to append to it
     * @return the input columns followed by the appended ones, each name made unique against those before it
     */
    public static DataTableSpec appended(final DataTableSpec in, final List<Column> appended) {
        return new DataTableSpec(in, new DataTableSpec(columns(appended, in)));
    }

    private static DataColumnSpec[] columns(final List<Column> columns, final DataTableSpec before) {
        DataColumnSpec[] specs = new DataColumnSpec[columns.size()];
        DataTableSpec sofar = before;
        for (int i = 0; i < specs.length; i++) {
            Column c = columns.get(i);
            String name = sofar == null ? c.title() : DataTableSpec.getUniqueColumnName(sofar, c.title());
            specs[i] = new DataColumnSpecCreator(name, type(c.type())).createSpec();
            if (sofar != null) {
                sofar = new DataTableSpec(sofar, new DataTableSpec(specs[i]));
            }
        }
        return specs;
    }

    /**
     * One row of a schema's table from the core's row values ({@link org.gtlens.table.RowSink}): text, integers and
     * numbers as cells of the schema's types; null and NaN as missing cells.
     *
     * @param schema the table's schema
     * @param key the row key
     * @param values one value per column
     * @return the row
     */
    public static DataRow row(final TableSchema schema, final RowKey key, final Object... values) {
        DataCell[] cells = new DataCell[values.length];
        for (int i = 0; i < values.length; i++) {
            cells[i] = cell(schema.columns().get(i).type(), values[i]);
        }
        return new DefaultRow(key, cells);
    }

    /**
     * @param type the schema column's type
     * @param v a value as the core's rows hold it
     * @return its cell: text, integers and numbers as cells of the type; null and NaN as missing cells
     */
    public static DataCell cell(final Column.Type type, final Object v) {
        if (v == null || v instanceof Double d && d.isNaN() || v instanceof Float f && f.isNaN()) {
            return DataType.getMissingCell();
        }
        return switch (type) {
            case TEXT -> new StringCell(v.toString());
            case INTEGER -> new IntCell(((Number)v).intValue());
            case NUMBER -> new DoubleCell(((Number)v).doubleValue());
        };
    }

    /**
     * Finds a column of a table: first by its exact name, then, when the name is a schema column's title or key, the
     * table's column named by that column's title or key.
     *
     * @param spec the table spec
     * @param name the name a setting holds (e.g. "Row", or "row" of a CSV)
     * @param schema the schema the table follows
     * @return the column index, or -1
     */
    public static int find(final DataTableSpec spec, final String name, final TableSchema schema) {
        int exact = spec.findColumnIndex(name);
        if (exact >= 0) {
            return exact;
        }
        return schema.named(name).map(c -> find(spec, c)).orElse(-1);
    }

    /**
     * @param spec a table spec
     * @param column a schema column
     * @return the index of the table's column named by the column's title or key, or -1
     */
    public static int find(final DataTableSpec spec, final Column column) {
        for (int i = 0; i < spec.getNumColumns(); i++) {
            if (column.isNamed(spec.getColumnSpec(i).getName())) {
                return i;
            }
        }
        return -1;
    }
}
