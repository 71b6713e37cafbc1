package org.knime.core.data;

import java.io.Serializable;

import org.knime.core.data.collection.CollectionDataValue;

/**
 * Stand-in for KNIME's {@code DataCell} (compile/test only, never shipped): immutable base class of all cells.
 * Two cells are equal when both are missing, or when they are of the same class and {@link #equalsDataCell} says so.
 */
public abstract class DataCell implements DataValue, Serializable {

    private static final long serialVersionUID = 1L;

    @Override
    public DataCell materializeDataCell() {
        return this;
    }

    /** @return the type of this cell, {@code DataType.getType(getClass())} (with element type for collections) */
    public final DataType getType() {
        if (this instanceof CollectionDataValue c) {
            return DataType.getType(getClass(), c.getElementType());
        }
        return DataType.getType(getClass());
    }

    /** @return whether this is the missing cell ({@link DataType#getMissingCell()}) */
    public boolean isMissing() {
        return false;
    }

    @Override
    public abstract String toString();

    @Override
    public final boolean equals(final Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof DataCell other)) {
            return false;
        }
        if (isMissing() || other.isMissing()) {
            return isMissing() && other.isMissing();
        }
        if (getClass() == other.getClass()) {
            return equalsDataCell(other);
        }
        return getType().getPreferredValueClass() == other.getType().getPreferredValueClass() && equalContent(other);
    }

    /**
     * @param dc a non-missing cell of the same class
     * @return whether both hold equal values
     */
    protected abstract boolean equalsDataCell(DataCell dc);

    /**
     * @param otherValue a cell of another class with the same preferred value class
     * @return whether the content is equal; false by default
     */
    protected boolean equalContent(final DataValue otherValue) {
        return false;
    }

    @Override
    public abstract int hashCode();
}
