package org.knime.core.data.collection;

import org.knime.core.data.DataCell;

/**
 * Stand-in for KNIME's {@code CellCollection} (compile/test only, never shipped); needed because
 * {@link CollectionDataValue} extends it in the real API.
 */
public interface CellCollection extends Iterable<DataCell> {

    boolean containsBlobWrapperCells();
}
