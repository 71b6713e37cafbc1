package org.knime.core.util;

/** Stand-in for KNIME's {@code DuplicateKeyException} (compile/test only, never shipped): a row ID added twice. */
public class DuplicateKeyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String m_key;

    /** @param key the duplicate row ID */
    public DuplicateKeyException(final String key) {
        this("Duplicate row ID \"" + key + "\"", key);
    }

    /**
     * @param message the message
     * @param key the duplicate row ID
     */
    public DuplicateKeyException(final String message, final String key) {
        super(message);
        m_key = key;
    }

    /** @param cause the exception to copy (message and key) */
    public DuplicateKeyException(final DuplicateKeyException cause) {
        super(cause.getMessage(), cause);
        m_key = cause.getKey();
    }

    /** @return the duplicate row ID */
    public String getKey() {
        return m_key;
    }
}
