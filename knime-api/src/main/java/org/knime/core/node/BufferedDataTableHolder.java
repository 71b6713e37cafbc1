package org.knime.core.node;

/**
 * Stand-in for KNIME's {@code BufferedDataTableHolder} (compile/test only, never shipped): a node model that keeps
 * tables of its own (for instance for its view). KNIME takes them after execute, saves them with the workflow,
 * memory-manages them, and hands tables equal to them back after the workflow is loaded; the test harness does the
 * same ({@code NodeTestHarness}).
 */
public interface BufferedDataTableHolder {

    /** @return the tables the model keeps (null entries allowed) */
    BufferedDataTable[] getInternalTables();

    /** @param tables the tables KNIME loaded back for this model */
    void setInternalTables(BufferedDataTable[] tables);
}
