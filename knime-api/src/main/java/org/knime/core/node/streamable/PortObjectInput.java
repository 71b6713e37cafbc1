package org.knime.core.node.streamable;

import org.knime.core.node.port.PortObject;

/**
 * Stand-in for KNIME's {@code PortObjectInput} (compile/test only, never shipped): a whole port object given to a
 * {@link StreamableOperator} on a non-streamable input port.
 */
public class PortObjectInput extends PortInput {

    private final PortObject m_portObject;

    /** @param portObject the object (framework constructor) */
    public PortObjectInput(final PortObject portObject) {
        m_portObject = portObject;
    }

    /** @return the object */
    public PortObject getPortObject() {
        return m_portObject;
    }
}
