package org.knime.core.data;

import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** Stand-in for KNIME's {@code DataRow} (compile/test only, never shipped): a keyed, fixed-length row of cells. */
public interface DataRow extends Iterable<DataCell> {

    int getNumCells();

    RowKey getKey();

    DataCell getCell(int index);

    /** @return the cells as a stream */
    default Stream<DataCell> stream() {
        return StreamSupport.stream(spliterator(), false);
    }
}
