package org.knime.core.data.container;

import java.io.Closeable;
import java.util.Collections;
import java.util.Iterator;

import org.knime.core.data.DataRow;
import org.knime.core.data.RowIterator;

/** Stand-in for KNIME's {@code CloseableRowIterator} (compile/test only, never shipped): a closeable row iterator. */
public abstract class CloseableRowIterator extends RowIterator implements Closeable {

    /** @return an iterator without rows */
    public static CloseableRowIterator empty() {
        return from(Collections.emptyIterator());
    }

    /**
     * @param delegate rows
     * @return an iterator over them (close does nothing)
     */
    public static CloseableRowIterator wrap(final Iterator<? extends DataRow> delegate) {
        return from(delegate);
    }

    /**
     * @param iterator rows
     * @return an iterator over them (close does nothing)
     */
    public static CloseableRowIterator from(final Iterator<? extends DataRow> iterator) {
        return from(iterator, () -> {
        });
    }

    /**
     * @param delegate rows
     * @param closeAction run on close
     * @return an iterator over them
     */
    public static CloseableRowIterator from(final Iterator<? extends DataRow> delegate,
        final AutoCloseable closeAction) {
        return new CloseableRowIterator() {
            private boolean m_closed;

            @Override
            public boolean hasNext() {
                return !m_closed && delegate.hasNext();
            }

            @Override
            public DataRow next() {
                if (m_closed) {
                    throw new java.util.NoSuchElementException("Iterator closed");
                }
                return delegate.next();
            }

            @Override
            public void close() {
                if (!m_closed) {
                    m_closed = true;
                    try {
                        closeAction.close();
                    } catch (Exception e) {
                        throw new IllegalStateException("Close failed: " + e.getMessage(), e);
                    }
                }
            }
        };
    }

    @Override
    public abstract void close();
}
