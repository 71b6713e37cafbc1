package org.gtlens.table;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The columns of one output table, declared once and used by the CSV writers, the KNIME table specs, the Heatmap
 * View's column lookup and the tests, so a table written by one is read correctly by the others.
 *
 * @param name    what the table is (for messages)
 * @param columns its columns, in order
 */
public record TableSchema(String name, List<Column> columns) {

    public TableSchema {
        columns = List.copyOf(columns);
    }

    /** The CSV header: every key, in order. */
    public String[] keys() {
        return columns.stream().map(Column::key).toArray(String[]::new);
    }

    /** The KNIME column names: every title, in order. */
    public String[] titles() {
        return columns.stream().map(Column::title).toArray(String[]::new);
    }

    /** The column of a key. */
    public Column column(String key) {
        for (Column c : columns) {
            if (c.key().equals(key)) {
                return c;
            }
        }
        throw new IllegalArgumentException(name + " has no column " + key);
    }

    /** The column a table's column name stands for, by key or title. */
    public Optional<Column> named(String name) {
        return columns.stream().filter(c -> c.isNamed(name)).findFirst();
    }

    /** This schema followed by more columns. */
    public TableSchema plus(String newName, List<Column> more) {
        List<Column> all = new ArrayList<>(columns);
        all.addAll(more);
        return new TableSchema(newName, all);
    }

    /** The columns from {@code key} on (the part of a schema that is appended to an input table). */
    public List<Column> from(String key) {
        return columns.subList(columns.indexOf(column(key)), columns.size());
    }
}
