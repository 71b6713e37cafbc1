package org.knime.core.data.container;

/**
 * Stand-in for KNIME's {@code DataContainerException} (compile/test only, never shipped): an error of the
 * container's (asynchronous) writing, thrown on a later {@code addRowToTable} or at {@code close}.
 */
public class DataContainerException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message the message */
    public DataContainerException(final String message) {
        super(message);
    }

    /**
     * @param message the message
     * @param cause the error of the writing
     */
    public DataContainerException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
