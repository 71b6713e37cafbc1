package org.knime.core.node.streamable;

import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;

/**
 * Stand-in for KNIME's {@code RowInput} (compile/test only, never shipped): rows read one by one; {@link #poll()}
 * returns null at the end. The test-jar's {@code TestRowInput} serves rows of a table.
 */
public abstract class RowInput extends PortInput {

    /** Implicit constructor, as in KNIME. */
    public RowInput() {
    }

    public abstract DataTableSpec getDataTableSpec();

    public abstract DataRow poll() throws InterruptedException;

    public abstract void close();
}
