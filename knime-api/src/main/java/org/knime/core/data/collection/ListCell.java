package org.knime.core.data.collection;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataType;

/**
 * Stand-in for KNIME's {@code ListCell} (compile/test only, never shipped): an immutable list of cells, created
 * with {@link CollectionCellFactory#createListCell(java.util.Collection)}. Its type is
 * {@code ListCell.getCollectionType(elementType)}, the element type being the common super type of the elements.
 */
public class ListCell extends DataCell implements ListDataValue {

    private static final long serialVersionUID = 1L;

    private final List<DataCell> m_cells;

    private transient DataType m_elementType;

    ListCell(final List<DataCell> cells, final DataType elementType) {
        m_cells = Collections.unmodifiableList(new ArrayList<>(cells));
        m_elementType = elementType;
    }

    /**
     * @param elementType the element type
     * @return the type of list cells with that element type
     */
    public static final DataType getCollectionType(final DataType elementType) {
        return DataType.getType(ListCell.class, elementType);
    }

    @Override
    public DataType getElementType() {
        return m_elementType;
    }

    @Override
    public Iterator<DataCell> iterator() {
        return m_cells.iterator();
    }

    @Override
    public DataCell get(final int index) {
        return m_cells.get(index);
    }

    @Override
    public int size() {
        return m_cells.size();
    }

    @Override
    public boolean containsBlobWrapperCells() {
        return false;
    }

    @Override
    protected boolean equalsDataCell(final DataCell dc) {
        return ((ListCell)dc).m_cells.equals(m_cells);
    }

    @Override
    public int hashCode() {
        return m_cells.hashCode();
    }

    @Override
    public String toString() {
        return m_cells.toString();
    }

    private void writeObject(final ObjectOutputStream out) throws IOException {
        out.defaultWriteObject();
        out.writeObject(m_elementType.getCellClass() == null ? null : m_elementType.getCellClass().getName());
    }

    private void readObject(final ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        String cellClass = (String)in.readObject();
        m_elementType = cellClass != null
            ? DataType.getType(Class.forName(cellClass, false, ListCell.class.getClassLoader())
                .asSubclass(DataCell.class))
            : CollectionCellFactory.elementTypeOf(m_cells);
    }
}
