package org.knime.core.internal;

/**
 * Stand-in for KNIME's {@code org.knime.core.internal.MessageAwareException} (compile/test only, never shipped):
 * present because {@link org.knime.core.node.CanceledExecutionException} implements it in the real API. Its only
 * member, {@code getKNIMEMessage()}, is left out because it returns a type the stand-in does not contain.
 */
public interface MessageAwareException {
}
