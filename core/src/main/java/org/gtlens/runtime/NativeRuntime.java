package org.gtlens.runtime;

import ai.onnxruntime.OrtEnvironment;
import org.gtlens.model.ModelException;

/**
 * The home of the JVM's one ONNX Runtime environment: starts the native library once and turns a failure into one
 * sentence, so every session and buffer is made in the same environment. The first failure is an
 * {@link UnsatisfiedLinkError} (a Windows DLL that does not initialise, a temporary folder mounted noexec, a library
 * for another platform); every later try gets only {@code NoClassDefFoundError: Could not initialize class ...}, so
 * the first cause is kept and named again.
 */
public final class NativeRuntime {

    /** Where the user reads what to do; the README section of that name. */
    public static final String NOTES = "\"Known platform notes\" in the GT Lens README";

    private static volatile String firstFailure;

    private NativeRuntime() {
    }

    /**
     * @return the JVM's ONNX Runtime environment
     * @throws ModelException with one sentence when ONNX Runtime cannot start in this JVM
     */
    public static OrtEnvironment environment() throws ModelException {
        String known = firstFailure;
        if (known != null) {
            throw new ModelException(sentence(known));
        }
        try {
            // FATAL only: ONNX Runtime's own coloured log lines never reach a user's terminal (errors still throw)
            return OrtEnvironment.getEnvironment(ai.onnxruntime.OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL);
        } catch (LinkageError | RuntimeException e) { // NOSONAR: every way the native start fails
            String cause = cause(e);
            synchronized (NativeRuntime.class) {
                if (firstFailure == null) {
                    firstFailure = cause;
                }
            }
            throw new ModelException(sentence(firstFailure), e);
        }
    }

    static String sentence(final String cause) {
        return "ONNX Runtime cannot start in this Java process (" + cause + "); see " + NOTES + ".";
    }

    /** The innermost message of a failure, on one line, without trailing punctuation. */
    static String cause(final Throwable e) {
        Throwable t = e;
        String message = null;
        while (t != null) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                message = t.getMessage();
            }
            t = t.getCause() == t ? null : t.getCause();
        }
        if (message == null) {
            message = "no reason given";
        }
        int nl = message.indexOf('\n');
        String line = (nl < 0 ? message : message.substring(0, nl)).trim();
        return line.replaceAll("[.\\s]+$", "");
    }

    /** For tests: forget a remembered failure. */
    static void forget() {
        firstFailure = null;
    }
}
