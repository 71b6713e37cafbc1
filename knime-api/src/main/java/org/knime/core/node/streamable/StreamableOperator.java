package org.knime.core.node.streamable;

import org.knime.core.node.ExecutionContext;

/**
 * Stand-in for KNIME's {@code StreamableOperator} (compile/test only, never shipped): executes a node in streaming
 * mode; created by {@code NodeModel#createStreamableOperator}. Inputs are {@link RowInput}s (streamable ports) or
 * {@link PortObjectInput}s; outputs are {@link RowOutput}s (data ports) or {@link PortObjectOutput}s.
 */
public abstract class StreamableOperator {

    /** Implicit constructor, as in KNIME. */
    public StreamableOperator() {
    }

    public abstract void runFinal(PortInput[] inputs, PortOutput[] outputs, ExecutionContext exec) throws Exception;

    /**
     * One iteration when the node model asks for one; does nothing by default.
     *
     * @param inputs the inputs
     * @param exec progress and cancelation
     * @throws Exception on failure
     */
    public void runIntermediate(final PortInput[] inputs, final ExecutionContext exec) throws Exception {
        // possibly overridden
    }

    /** @param internals results of previous iterations; ignored by default */
    public void loadInternals(final StreamableOperatorInternals internals) {
        // possibly overridden
    }

    /** @return internals to pass back to the node model; null by default */
    public StreamableOperatorInternals saveInternals() {
        return null;
    }
}
