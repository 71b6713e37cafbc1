package org.knime.core.data.collection;

import org.knime.core.data.DataType;
import org.knime.core.data.DataValue;

/** Stand-in for KNIME's {@code CollectionDataValue} (compile/test only, never shipped): cells holding cells. */
public interface CollectionDataValue extends DataValue, CellCollection {

    DataType getElementType();

    int size();
}
