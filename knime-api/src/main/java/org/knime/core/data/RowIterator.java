package org.knime.core.data;

import java.util.Iterator;

/** Stand-in for KNIME's {@code RowIterator} (compile/test only, never shipped): iterator over rows. */
public abstract class RowIterator implements Iterator<DataRow> {

    @Override
    public abstract boolean hasNext();

    @Override
    public abstract DataRow next();

    /** Not supported: tables are read-only. */
    @Override
    public final void remove() {
        throw new UnsupportedOperationException("Tables are read-only");
    }
}
