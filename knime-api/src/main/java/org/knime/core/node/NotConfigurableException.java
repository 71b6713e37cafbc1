package org.knime.core.node;

/**
 * Stand-in for KNIME's {@code NotConfigurableException} (compile/test only, never shipped): thrown by a dialog that
 * cannot be opened for the given input specs.
 */
public class NotConfigurableException extends Exception {

    private static final long serialVersionUID = 1L;

    /** @param message the message */
    public NotConfigurableException(final String message) {
        super(message);
    }

    /**
     * @param message the message
     * @param cause the cause
     */
    public NotConfigurableException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
