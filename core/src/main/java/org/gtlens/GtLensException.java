package org.gtlens;

/**
 * A problem the user can fix (a bad model file, a bad sequence, a cancelled run). Its message is one
 * sentence meant to be shown as it is, so callers never need a stack trace to explain it.
 */
public class GtLensException extends Exception {
    private static final long serialVersionUID = 1L;

    public GtLensException(String message) {
        super(message);
    }

    public GtLensException(String message, Throwable cause) {
        super(message, cause);
    }
}
