package org.knime.core.data.collection;

import org.knime.core.data.DataCell;

/** Stand-in for KNIME's {@code ListDataValue} (compile/test only, never shipped): cells holding a list of cells. */
public interface ListDataValue extends CollectionDataValue {

    DataCell get(int index);
}
