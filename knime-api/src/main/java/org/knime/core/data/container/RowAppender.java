package org.knime.core.data.container;

import org.knime.core.data.DataRow;

/**
 * Stand-in for KNIME's {@code RowAppender} (compile/test only, never shipped); needed because
 * {@link DataContainer} implements it in the real API.
 */
public interface RowAppender {

    void addRowToTable(DataRow row);
}
