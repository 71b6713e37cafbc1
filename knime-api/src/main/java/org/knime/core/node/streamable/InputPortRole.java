package org.knime.core.node.streamable;

/**
 * Stand-in for KNIME's {@code InputPortRole} (compile/test only, never shipped): how a node reads an input port in
 * streaming mode. Streamable ports get a {@link RowInput}, the others a {@link PortObjectInput}.
 */
public final class InputPortRole extends PortRole {

    /** Distributable and streamable. */
    public static final InputPortRole DISTRIBUTED_STREAMABLE = new InputPortRole(true, true);

    /** Distributable, not streamable. */
    public static final InputPortRole DISTRIBUTED_NONSTREAMABLE = new InputPortRole(true, false);

    /** Streamable, not distributable. */
    public static final InputPortRole NONDISTRIBUTED_STREAMABLE = new InputPortRole(false, true);

    /** Neither (the default: the whole input at once). */
    public static final InputPortRole NONDISTRIBUTED_NONSTREAMABLE = new InputPortRole(false, false);

    private final boolean m_streamable;

    private InputPortRole(final boolean distributable, final boolean streamable) {
        super(distributable);
        m_streamable = streamable;
    }

    /** @return whether rows are read one by one */
    public boolean isStreamable() {
        return m_streamable;
    }

    /**
     * @param isDistributable distributable
     * @param isStreamable streamable
     * @return the matching constant
     */
    public static InputPortRole get(final boolean isDistributable, final boolean isStreamable) {
        if (isDistributable) {
            return isStreamable ? DISTRIBUTED_STREAMABLE : DISTRIBUTED_NONSTREAMABLE;
        }
        return isStreamable ? NONDISTRIBUTED_STREAMABLE : NONDISTRIBUTED_NONSTREAMABLE;
    }
}
