package org.gtlens.files;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;

/**
 * The system's reason for a failed file operation in words ("no space left on the device", "permission denied"),
 * without exception class names or the path repeated, for messages that name the file themselves.
 */
public final class FileProblems {

    private FileProblems() {
    }

    /** The reason of a failed file operation, lower case, without a final period. */
    public static String reason(Throwable e) {
        if (e instanceof OutOfMemoryError) {
            return "not enough memory to hold it";
        }
        if (e instanceof NoSuchFileException) {
            return "it does not exist";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "something of that name is already there";
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "a folder of that name is in the way";
        }
        if (e instanceof NotDirectoryException) {
            return "a part of the path is a file, not a folder";
        }
        String m = e instanceof FileSystemException fs ? fs.getReason() : e.getMessage();
        if (m == null || m.isBlank()) {
            return e.getClass().getSimpleName();
        }
        String lower = m.toLowerCase(Locale.ROOT);
        if (lower.contains("no space left")) {
            return "no space left on the device";
        }
        if (lower.contains("quota")) {
            return "no space left: the disk quota is exceeded";
        }
        if (lower.contains("read-only file system")) {
            return "the file system is read-only";
        }
        if (lower.contains("is a directory")) {
            return "a folder of that name is in the way";
        }
        m = m.strip();
        return m.endsWith(".") ? m.substring(0, m.length() - 1) : m;
    }

    /** An output file that could not be written: its message names the file and the system's reason. */
    public static final class WriteFailure extends IOException {
        private static final long serialVersionUID = 1L;

        public WriteFailure(String what, IOException cause) {
            super(what + ": " + reason(cause) + ".", cause);
        }
    }
}
