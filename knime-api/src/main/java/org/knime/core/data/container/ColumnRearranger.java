package org.knime.core.data.container;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTable;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;

/**
 * Stand-in for KNIME's {@code ColumnRearranger} (compile/test only, never shipped): describes how the columns of
 * a table are kept, removed, moved, replaced and appended (new columns come from {@link CellFactory}s). All indices
 * refer to the current state of the rearranger. Applied with
 * {@code ExecutionContext.createColumnRearrangeTable}, which calls each distinct factory once per row, reports its
 * progress and finally calls {@link AbstractCellFactory#afterProcessing()}.
 */
public class ColumnRearranger {

    /** One output column: an input column or the {@code offset}-th output of a factory. */
    private record Col(DataColumnSpec spec, int inputIndex, CellFactory factory, int offset) {
    }

    private final DataTableSpec m_original;

    private final List<Col> m_cols = new ArrayList<>();

    /** @param original the spec of the input table */
    public ColumnRearranger(final DataTableSpec original) {
        m_original = original;
        for (int i = 0; i < original.getNumColumns(); i++) {
            m_cols.add(new Col(original.getColumnSpec(i), i, null, -1));
        }
    }

    /** @param colIndices the (current) indices of the columns to keep */
    public final void keepOnly(final int... colIndices) {
        Set<Integer> keep = new LinkedHashSet<>();
        for (int i : colIndices) {
            check(i);
            keep.add(i);
        }
        List<Col> kept = new ArrayList<>();
        for (int i = 0; i < m_cols.size(); i++) {
            if (keep.contains(i)) {
                kept.add(m_cols.get(i));
            }
        }
        m_cols.clear();
        m_cols.addAll(kept);
    }

    /** @param colNames the names of the columns to keep */
    public final void keepOnly(final String... colNames) {
        keepOnly(indicesOf(colNames));
    }

    /** @param colIndices the (current) indices of the columns to remove */
    public final void remove(final int... colIndices) {
        int[] sorted = colIndices.clone();
        Arrays.sort(sorted);
        for (int k = sorted.length - 1; k >= 0; k--) {
            if (k < sorted.length - 1 && sorted[k] == sorted[k + 1]) {
                continue;
            }
            check(sorted[k]);
            m_cols.remove(sorted[k]);
        }
    }

    /** @param colNames the names of the columns to remove */
    public final void remove(final String... colNames) {
        remove(indicesOf(colNames));
    }

    /**
     * @param colName a column name
     * @return its current index or -1
     */
    public final int indexOf(final String colName) {
        for (int i = 0; i < m_cols.size(); i++) {
            if (m_cols.get(i).spec().getName().equals(colName)) {
                return i;
            }
        }
        return -1;
    }

    /** @return the current number of columns */
    public final int getColumnCount() {
        return m_cols.size();
    }

    /**
     * Removes the column at {@code from} and inserts it at {@code to} (index after the removal).
     *
     * @param from current index
     * @param to new index
     */
    public final void move(final int from, final int to) {
        check(from);
        Col c = m_cols.remove(from);
        m_cols.add(Math.max(0, Math.min(to, m_cols.size())), c);
    }

    /**
     * @param colName a column name
     * @param to its new index
     */
    public final void move(final String colName, final int to) {
        move(indicesOf(colName)[0], to);
    }

    /** @param colIndicesInOrder all current indices in the new order */
    public final void permute(final int[] colIndicesInOrder) {
        if (colIndicesInOrder.length != m_cols.size()) {
            throw new IllegalArgumentException("Permutation must name all " + m_cols.size() + " columns");
        }
        List<Col> next = new ArrayList<>();
        Set<Integer> seen = new LinkedHashSet<>();
        for (int i : colIndicesInOrder) {
            check(i);
            if (!seen.add(i)) {
                throw new IllegalArgumentException("Duplicate index " + i + " in permutation");
            }
            next.add(m_cols.get(i));
        }
        m_cols.clear();
        m_cols.addAll(next);
    }

    /** @param colNamesInOrder all column names in the new order */
    public final void permute(final String[] colNamesInOrder) {
        permute(indicesOf(colNamesInOrder));
    }

    /**
     * @param position where to insert the new columns
     * @param fac the factory computing them
     */
    public final void insertAt(final int position, final CellFactory fac) {
        if (position < 0 || position > m_cols.size()) {
            throw new IndexOutOfBoundsException("Position " + position + " out of [0, " + m_cols.size() + "]");
        }
        DataColumnSpec[] specs = fac.getColumnSpecs();
        for (int k = 0; k < specs.length; k++) {
            m_cols.add(position + k, new Col(specs[k], -1, fac, k));
        }
    }

    /** @param fac the factory computing the new columns, appended at the end */
    public final void append(final CellFactory fac) {
        insertAt(m_cols.size(), fac);
    }

    /**
     * @param newCol a factory computing one column
     * @param colName the column it replaces
     */
    public final void replace(final CellFactory newCol, final String colName) {
        replace(newCol, indicesOf(colName));
    }

    /**
     * @param fac a factory computing as many columns as indices are given
     * @param colIndex the (current) indices of the columns replaced by the factory's columns, in order
     */
    public final void replace(final CellFactory fac, final int... colIndex) {
        DataColumnSpec[] specs = fac.getColumnSpecs();
        if (specs.length != colIndex.length) {
            throw new IndexOutOfBoundsException("Factory creates " + specs.length + " columns but "
                + colIndex.length + " columns are to be replaced");
        }
        for (int k = 0; k < colIndex.length; k++) {
            check(colIndex[k]);
            m_cols.set(colIndex[k], new Col(specs[k], -1, fac, k));
        }
    }

    /**
     * @return the spec of the output table
     * @throws IllegalArgumentException if column names are not unique
     */
    public final DataTableSpec createSpec() {
        return new DataTableSpec(m_cols.stream().map(Col::spec).toArray(DataColumnSpec[]::new));
    }

    private void check(final int i) {
        if (i < 0 || i >= m_cols.size()) {
            throw new IndexOutOfBoundsException("Column index " + i + " out of [0, " + m_cols.size() + ")");
        }
    }

    private int[] indicesOf(final String... names) {
        int[] idx = new int[names.length];
        for (int i = 0; i < names.length; i++) {
            idx[i] = indexOf(names[i]);
            if (idx[i] < 0) {
                throw new IllegalArgumentException("No such column: \"" + names[i] + "\"");
            }
        }
        return idx;
    }

    /**
     * Applies this rearranger to the rows of a table (called reflectively by the stand-in's ExecutionContext).
     *
     * @return the output rows
     */
    List<DataRow> apply(final DataTable table, final long rowCount, final ExecutionMonitor exec)
        throws CanceledExecutionException {
        if (table.getDataTableSpec().getNumColumns() != m_original.getNumColumns()) {
            throw new IllegalArgumentException("Table has " + table.getDataTableSpec().getNumColumns()
                + " columns but the rearranger was made for " + m_original.getNumColumns());
        }
        DataTableSpec outSpec = createSpec();
        Set<CellFactory> factories = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (Col c : m_cols) {
            if (c.factory() != null) {
                factories.add(c.factory());
            }
        }
        List<DataRow> out = new ArrayList<>();
        long index = 0;
        for (DataRow row : table) {
            exec.checkCanceled();
            Map<CellFactory, DataCell[]> produced = new IdentityHashMap<>();
            for (CellFactory f : factories) {
                DataCell[] cells = f.getCells(row, index);
                int expected = f.getColumnSpecs().length;
                if (cells == null || cells.length != expected) {
                    throw new IllegalStateException("Cell factory " + f.getClass().getName() + " returned "
                        + (cells == null ? "null" : cells.length + " cells") + " for row \"" + row.getKey()
                        + "\" but declares " + expected + " columns");
                }
                produced.put(f, cells);
            }
            DataCell[] cells = new DataCell[m_cols.size()];
            for (int i = 0; i < cells.length; i++) {
                Col c = m_cols.get(i);
                cells[i] = c.factory() == null ? row.getCell(c.inputIndex()) : produced.get(c.factory())[c.offset()];
            }
            out.add(new DefaultRow(row.getKey(), cells));
            index++;
            for (CellFactory f : factories) {
                f.setProgress(index, rowCount, row.getKey(), exec);
            }
        }
        for (CellFactory f : factories) {
            if (f instanceof AbstractCellFactory a) {
                a.afterProcessing();
            }
        }
        if (outSpec.getNumColumns() != m_cols.size()) {
            throw new IllegalStateException("inconsistent rearranger");
        }
        return out;
    }
}
