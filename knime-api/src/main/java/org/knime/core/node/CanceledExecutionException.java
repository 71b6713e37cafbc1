package org.knime.core.node;

import org.knime.core.internal.MessageAwareException;

/**
 * Stand-in for KNIME's {@code CanceledExecutionException} (compile/test only, never shipped): thrown by
 * {@link ExecutionMonitor#checkCanceled()} once execution was canceled.
 */
public class CanceledExecutionException extends Exception implements MessageAwareException {

    private static final long serialVersionUID = 1L;

    /** Without message. */
    public CanceledExecutionException() {
        super("Execution canceled");
    }

    /** @param s the message */
    public CanceledExecutionException(final String s) {
        super(s);
    }
}
