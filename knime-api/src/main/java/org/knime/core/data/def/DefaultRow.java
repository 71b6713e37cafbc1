package org.knime.core.data.def;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;
import org.knime.core.data.RowKey;

/** Stand-in for KNIME's {@code DefaultRow} (compile/test only, never shipped): an immutable row. */
public class DefaultRow implements DataRow {

    private final RowKey m_key;

    private final DataCell[] m_cells;

    /**
     * @param rowKey the key
     * @param row the cells (not null)
     */
    public DefaultRow(final RowKey rowKey, final DataCell... row) {
        m_key = Objects.requireNonNull(rowKey, "Row key must not be null.");
        m_cells = Objects.requireNonNull(row, "Cells must not be null.").clone();
        for (int i = 0; i < m_cells.length; i++) {
            Objects.requireNonNull(m_cells[i], "Cell at index " + i + " is null");
        }
    }

    /**
     * @param rowId the key
     * @param row the cells
     */
    public DefaultRow(final String rowId, final DataCell... row) {
        this(new RowKey(rowId), row);
    }

    /**
     * @param rowId the key
     * @param row the cells
     */
    public DefaultRow(final String rowId, final List<DataCell> row) {
        this(new RowKey(rowId), row);
    }

    /**
     * @param rowKey the key
     * @param row the cells
     */
    public DefaultRow(final RowKey rowKey, final List<DataCell> row) {
        this(rowKey, row.toArray(new DataCell[0]));
    }

    /**
     * @param rowKey the key
     * @param row values, as DoubleCells
     */
    public DefaultRow(final RowKey rowKey, final double... row) {
        this(rowKey, Arrays.stream(row).mapToObj(DoubleCell::new).toArray(DataCell[]::new));
    }

    /**
     * @param rowId the key
     * @param row values, as DoubleCells
     */
    public DefaultRow(final String rowId, final double... row) {
        this(new RowKey(rowId), row);
    }

    /**
     * @param rowId the key
     * @param row values, as IntCells
     */
    public DefaultRow(final String rowId, final int... row) {
        this(new RowKey(rowId), row);
    }

    /**
     * @param rowKey the key
     * @param row values, as IntCells
     */
    public DefaultRow(final RowKey rowKey, final int... row) {
        this(rowKey, Arrays.stream(row).mapToObj(IntCell::new).toArray(DataCell[]::new));
    }

    /**
     * @param rowId the key
     * @param row values, as StringCells
     */
    public DefaultRow(final String rowId, final String... row) {
        this(new RowKey(rowId), row);
    }

    /**
     * @param rowKey the key
     * @param row values, as StringCells
     */
    public DefaultRow(final RowKey rowKey, final String... row) {
        this(rowKey, Arrays.stream(row).map(StringCell::new).toArray(DataCell[]::new));
    }

    /**
     * @param rowId the new key
     * @param row the row whose cells are copied
     */
    public DefaultRow(final String rowId, final DataRow row) {
        this(new RowKey(rowId), row);
    }

    /**
     * @param key the new key
     * @param row the row whose cells are copied
     */
    public DefaultRow(final RowKey key, final DataRow row) {
        this(key, cellsOf(row));
    }

    private static DataCell[] cellsOf(final DataRow row) {
        List<DataCell> cells = new ArrayList<>();
        for (int i = 0; i < row.getNumCells(); i++) {
            cells.add(row.getCell(i));
        }
        return cells.toArray(new DataCell[0]);
    }

    @Override
    public final int getNumCells() {
        return m_cells.length;
    }

    @Override
    public final RowKey getKey() {
        return m_key;
    }

    @Override
    public final DataCell getCell(final int index) {
        return m_cells[index];
    }

    @Override
    public Iterator<DataCell> iterator() {
        return Arrays.asList(m_cells).iterator();
    }

    @Override
    public String toString() {
        return m_key + ": " + Arrays.toString(m_cells);
    }

    @Override
    public boolean equals(final Object obj) {
        return obj == this
            || (obj instanceof DefaultRow r && r.m_key.equals(m_key) && Arrays.equals(r.m_cells, m_cells));
    }

    @Override
    public int hashCode() {
        return 31 * m_key.hashCode() + Arrays.hashCode(m_cells);
    }
}
