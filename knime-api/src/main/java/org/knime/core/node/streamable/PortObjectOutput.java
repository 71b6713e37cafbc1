package org.knime.core.node.streamable;

import org.knime.core.node.port.PortObject;

/**
 * Stand-in for KNIME's {@code PortObjectOutput} (compile/test only, never shipped): a non-data output of a
 * {@link StreamableOperator}.
 */
public class PortObjectOutput extends PortOutput {

    private PortObject m_portObject;

    /** Implicit constructor, as in KNIME. */
    public PortObjectOutput() {
    }

    /** @param portObject the output object */
    public void setPortObject(final PortObject portObject) {
        m_portObject = portObject;
    }

    /** @return the output object */
    public PortObject getPortObject() {
        return m_portObject;
    }
}
