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
    /** Where the native libraries are unpacked once ({@link #useCache}); null: ONNX Runtime's own way. */
    private static volatile java.nio.file.Path cache;
    /** Whether the property pointing at the cache is taken back once this copy of ONNX Runtime has started. */
    private static volatile boolean onlyWhileStarting;
    private static volatile boolean prepared;

    /**
     * Unpack ONNX Runtime's native libraries once into a versioned folder below {@code dir} and load them from there
     * (ONNX Runtime's {@code onnxruntime.native.path}), instead of into a new temporary folder at every start. Takes
     * effect when called before ONNX Runtime first starts; a path the user set for {@code onnxruntime.native.path}
     * wins, and when the folder cannot be written ONNX Runtime unpacks as it always did. The property stays set for
     * the process (a program that owns its JVM, and passes it on to the processes it starts).
     */
    public static void useCache(java.nio.file.Path dir) {
        cache = dir;
        onlyWhileStarting = false;
    }

    /**
     * As {@link #useCache}, for a guest in a shared JVM (a bundle in KNIME): the property is set only while this copy
     * of ONNX Runtime starts and taken back at once, so that another copy of ONNX Runtime in the same JVM (another
     * extension's, perhaps of another version) never reads a folder of libraries that are not its own.
     */
    public static void useCacheWhileStarting(java.nio.file.Path dir) {
        cache = dir;
        onlyWhileStarting = true;
    }

    /**
     * Points ONNX Runtime at the cache folder once, before its first start.
     *
     * @return true when the property was set for this start only and must be taken back after it
     */
    private static synchronized boolean prepare() {
        if (prepared) {
            return false;
        }
        prepared = true;
        java.nio.file.Path dir = cache;
        if (dir == null || System.getProperty(NativeLibraries.PROPERTY) != null) {
            return false;
        }
        try {
            java.nio.file.Path unpacked = NativeLibraries.unpack(dir);
            if (unpacked != null) {
                System.setProperty(NativeLibraries.PROPERTY, unpacked.toAbsolutePath().toString());
                return onlyWhileStarting;
            }
        } catch (java.io.IOException | RuntimeException e) {
            // a cache that cannot be written: ONNX Runtime unpacks into java.io.tmpdir as it always did
        }
        return false;
    }

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
        boolean takeBack = prepare();
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
        } finally {
            if (takeBack) {
                System.clearProperty(NativeLibraries.PROPERTY);
            }
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
