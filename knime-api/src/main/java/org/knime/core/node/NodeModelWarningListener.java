package org.knime.core.node;

import java.util.EventListener;

/**
 * Stand-in for KNIME's {@code NodeModelWarningListener} (compile/test only, never shipped): present because
 * {@link NodeView} implements it in the real API. Its only member, {@code warningChanged(Message)}, is left out
 * because it takes a type the stand-in does not contain.
 */
public interface NodeModelWarningListener extends EventListener {
}
