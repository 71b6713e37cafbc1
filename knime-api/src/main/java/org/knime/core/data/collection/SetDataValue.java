package org.knime.core.data.collection;

import org.knime.core.data.DataCell;

/** Stand-in for KNIME's {@code SetDataValue} (compile/test only, never shipped): cells holding a set of cells. */
public interface SetDataValue extends CollectionDataValue {

    boolean contains(DataCell cell);
}
