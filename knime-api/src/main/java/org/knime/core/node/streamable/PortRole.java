package org.knime.core.node.streamable;

/** Stand-in for KNIME's {@code PortRole} (compile/test only, never shipped): whether a port is distributable. */
public class PortRole {

    private final boolean m_distributable;

    PortRole(final boolean distributable) {
        m_distributable = distributable;
    }

    /** @return whether the port's data may be split across operator instances */
    public boolean isDistributable() {
        return m_distributable;
    }
}
