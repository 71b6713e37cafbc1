package org.knime.core.node.streamable;

import org.knime.core.data.DataRow;
import org.knime.core.node.BufferedDataTable;

/**
 * Stand-in for KNIME's {@code RowOutput} (compile/test only, never shipped): rows written one by one, then
 * {@link #close()}. The test-jar's {@code TestRowOutput} collects them into a table.
 */
public abstract class RowOutput extends PortOutput {

    /** Implicit constructor, as in KNIME. */
    public RowOutput() {
    }

    public abstract void push(DataRow row) throws InterruptedException;

    /**
     * Pushes all rows of the table, then closes the output.
     *
     * @param table the rows
     * @throws InterruptedException if interrupted
     */
    public void setFully(final BufferedDataTable table) throws InterruptedException {
        for (DataRow r : table) {
            push(r);
        }
        close();
    }

    public abstract void close() throws InterruptedException;

    /**
     * Declared by KNIME's API for a {@link RowOutput#push(DataRow)} whose consumers need no more rows; KNIME's own
     * streaming executor never throws it (it closes inputs and outputs itself after {@code runFinal}), and neither
     * does the stand-in's test harness.
     */
    @SuppressWarnings("serial")
    public static class OutputClosedException extends RuntimeException {
    }
}
