package org.knime.core.node.streamable;

/** Stand-in for KNIME's {@code OutputPortRole} (compile/test only, never shipped). */
public final class OutputPortRole extends PortRole {

    /** Each operator instance writes part of the output. */
    public static final OutputPortRole DISTRIBUTED = new OutputPortRole(true);

    /** The output is written once (the default). */
    public static final OutputPortRole NONDISTRIBUTED = new OutputPortRole(false);

    private OutputPortRole(final boolean distributable) {
        super(distributable);
    }
}
