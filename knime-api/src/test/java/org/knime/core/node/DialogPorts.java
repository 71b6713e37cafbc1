package org.knime.core.node;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

import org.knime.core.node.port.PortType;

/**
 * Test support: the input port types of the node a dialog belongs to. KNIME knows them when it opens a dialog (the
 * dialog belongs to a node); the harness remembers them when it creates the dialog from its factory.
 */
final class DialogPorts {

    private static final Map<NodeDialogPane, PortType[]> PORTS = Collections.synchronizedMap(new WeakHashMap<>());

    private DialogPorts() {
    }

    static void remember(final NodeDialogPane dialog, final PortType[] inPorts) {
        PORTS.put(dialog, inPorts.clone());
    }

    static PortType[] of(final NodeDialogPane dialog) {
        PortType[] ports = PORTS.get(dialog);
        if (ports == null) {
            throw new IllegalStateException("Create the dialog with NodeTestHarness.createDialog(factory): opening "
                + "it needs the node's input port types, as in KNIME");
        }
        return ports.clone();
    }
}
