package org.knime.core.data;

/**
 * Stand-in for KNIME's {@code DataValue} (compile/test only, never shipped): base interface of all cell value interfaces.
 */
public interface DataValue {

    /**
     * @return the cell behind this value (this, for cells)
     */
    default DataCell materializeDataCell() {
        if (this instanceof DataCell) {
            return (DataCell)this;
        }
        throw new UnsupportedOperationException(getClass().getName() + " is not a DataCell");
    }
}
