package org.knime.core.data.container;

/**
 * Stand-in for KNIME's {@code RowFlushable} (compile/test only, never shipped); needed because
 * {@link DataContainer} implements it in the real API.
 */
public interface RowFlushable {

    void flushRows();
}
