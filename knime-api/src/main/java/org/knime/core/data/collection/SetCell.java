package org.knime.core.data.collection;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Set;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataType;

/**
 * Stand-in for KNIME's {@code SetCell} (compile/test only, never shipped): a set of cells, created with
 * {@link CollectionCellFactory#createSetCell(java.util.Collection)}. As in KNIME, equal cells are kept once (the
 * first in iteration order) and the rest keep their first-seen order; its type is
 * {@code SetCell.getCollectionType(elementType)}.
 */
public class SetCell extends DataCell implements SetDataValue {

    private static final long serialVersionUID = 1L;

    private final Set<DataCell> m_cells;

    private transient DataType m_elementType;

    SetCell(final Collection<? extends DataCell> cells) {
        m_cells = Collections.unmodifiableSet(new LinkedHashSet<>(cells));
        m_elementType = CollectionCellFactory.elementTypeOf(new ArrayList<>(m_cells));
    }

    /**
     * @param elementType the element type
     * @return the type of set cells with that element type
     */
    public static final DataType getCollectionType(final DataType elementType) {
        return DataType.getType(SetCell.class, elementType);
    }

    @Override
    public boolean containsBlobWrapperCells() {
        return false;
    }

    @Override
    protected boolean equalsDataCell(final DataCell dc) {
        return ((SetCell)dc).m_cells.equals(m_cells);
    }

    @Override
    public DataType getElementType() {
        return m_elementType;
    }

    @Override
    public int hashCode() {
        return m_cells.hashCode();
    }

    @Override
    public Iterator<DataCell> iterator() {
        return m_cells.iterator();
    }

    @Override
    public boolean contains(final DataCell cell) {
        return m_cells.contains(cell);
    }

    @Override
    public int size() {
        return m_cells.size();
    }

    @Override
    public String toString() {
        return m_cells.toString();
    }

    private void writeObject(final ObjectOutputStream out) throws IOException {
        out.defaultWriteObject();
    }

    private void readObject(final ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        m_elementType = CollectionCellFactory.elementTypeOf(new ArrayList<>(m_cells));
    }
}
