package org.knime.core.data.collection;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;

/** Stand-in for KNIME's {@code CollectionCellFactory} (compile/test only, never shipped): creates list and set cells. */
public final class CollectionCellFactory {

    private CollectionCellFactory() {
    }

    /**
     * @param coll the elements (missing cells allowed)
     * @return a list cell with them, its element type the common super type of the non-missing elements
     */
    public static ListCell createListCell(final Collection<? extends DataCell> coll) {
        List<DataCell> cells = new ArrayList<>(coll);
        return new ListCell(cells, elementTypeOf(cells));
    }

    /**
     * @param row a row
     * @param cols the indices of the cells to collect
     * @return a list cell with these cells
     */
    public static ListCell createListCell(final DataRow row, final int[] cols) {
        List<DataCell> cells = new ArrayList<>();
        for (int c : cols) {
            cells.add(row.getCell(c));
        }
        return createListCell(cells);
    }

    /**
     * @param coll the elements (missing cells allowed)
     * @return a set cell with them: equal cells once, in first-seen order (so 4,5,5,5,4 gives {4,5})
     */
    public static SetCell createSetCell(final Collection<? extends DataCell> coll) {
        return new SetCell(coll);
    }

    /**
     * @param row a row
     * @param cols the indices of the cells to collect
     * @return a set cell with these cells
     */
    public static SetCell createSetCell(final DataRow row, final int[] cols) {
        List<DataCell> cells = new ArrayList<>();
        for (int c : cols) {
            cells.add(row.getCell(c));
        }
        return createSetCell(cells);
    }

    /**
     * @param tableSpec a spec
     * @param cols column indices
     * @return the common super type of these columns' types
     */
    public static DataType getElementType(final DataTableSpec tableSpec, final int[] cols) {
        DataType[] types = new DataType[cols.length];
        for (int i = 0; i < cols.length; i++) {
            types[i] = tableSpec.getColumnSpec(cols[i]).getType();
        }
        return getElementType(types);
    }

    /**
     * @param colType types
     * @return their common super type (the missing-cell type for none)
     */
    public static DataType getElementType(final DataType[] colType) {
        DataType result = null;
        for (DataType t : colType) {
            result = result == null ? t : DataType.getCommonSuperType(result, t);
        }
        return result == null ? DataType.getMissingCell().getType() : result;
    }

    static DataType elementTypeOf(final List<DataCell> cells) {
        DataType result = null;
        for (DataCell c : cells) {
            if (c.isMissing()) {
                continue;
            }
            result = result == null ? c.getType() : DataType.getCommonSuperType(result, c.getType());
        }
        return result == null ? DataType.getMissingCell().getType() : result;
    }
}
