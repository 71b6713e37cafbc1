package org.knime.core.node.util;

import org.knime.core.data.DataColumnSpec;

/** Stand-in for KNIME's {@code ColumnFilter} (compile/test only, never shipped): which columns a dialog offers. */
public interface ColumnFilter {

    boolean includeColumn(DataColumnSpec colSpec);

    String allFilteredMsg();
}
