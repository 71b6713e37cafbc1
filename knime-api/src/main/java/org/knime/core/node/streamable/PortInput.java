package org.knime.core.node.streamable;

/**
 * Stand-in for KNIME's {@code PortInput} (compile/test only, never shipped): an input of a
 * {@link StreamableOperator}, either a {@link RowInput} or a {@link PortObjectInput}.
 */
public abstract class PortInput {

    /** Implicit constructor, as in KNIME. */
    public PortInput() {
    }
}
