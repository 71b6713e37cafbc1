package org.knime.core.node.streamable;

/**
 * Stand-in for KNIME's {@code PortOutput} (compile/test only, never shipped): an output of a
 * {@link StreamableOperator}, either a {@link RowOutput} or a {@link PortObjectOutput}.
 */
public abstract class PortOutput {

    /** Implicit constructor, as in KNIME. */
    public PortOutput() {
    }

    /** Marks the output inactive; not supported by the stand-in's harness (does nothing). */
    public void setInactive() {
        // no inactive branches in the stand-in
    }
}
