package org.gtlens.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gtlens.model.ModelException;

/**
 * The one reader of a model file from disk, for the core and the KNIME Load node: it says in one sentence when the
 * file is missing, a folder, not a plain file (a pipe or a device, which would block or never end), unreadable, empty
 * or too large to hold in memory, before anything is parsed.
 */
public final class ModelFile {

    /** Largest model file read into memory; a larger model keeps its weights as external data next to it. */
    public static final long MAX_BYTES = Integer.MAX_VALUE - 8;

    private ModelFile() {
    }

    /** The name messages use for a file: its file name, or the path when it has none. */
    public static String name(Path file) {
        return file.getFileName() == null ? file.toString() : file.getFileName().toString();
    }

    /**
     * Checks that the file can be read as a model, without reading it.
     *
     * @return its size in bytes
     */
    public static long check(Path file) throws ModelException {
        if (Files.isDirectory(file)) {
            throw new ModelException("Model file " + file + " is a folder, not an ONNX file.");
        }
        if (!Files.exists(file)) {
            throw new ModelException("Model file " + file + (Files.isSymbolicLink(file)
                    ? " is a link to a file that does not exist." : " does not exist."));
        }
        if (!Files.isRegularFile(file)) {
            throw new ModelException("Model file " + file + " is not a regular file (a device or a pipe); give the "
                    + "path of an .onnx file.");
        }
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new ModelException("Model file " + file + " cannot be read: " + reason(e) + ".");
        }
        if (size == 0) {
            throw new ModelException("Model file " + file + " is empty.");
        }
        if (size > MAX_BYTES) {
            throw new ModelException("Model file " + file + " has " + size / (1 << 20) + " MB, more than a model "
                    + "held in one file may have (2 GB); export it with its weights as external data.");
        }
        if (!Files.isReadable(file)) {
            throw new ModelException("Model file " + file + " cannot be read: permission denied.");
        }
        return size;
    }

    /** Reads the whole file after {@link #check}. */
    public static byte[] read(Path file) throws ModelException {
        check(file);
        try {
            return Files.readAllBytes(file);
        } catch (IOException | OutOfMemoryError e) {
            throw new ModelException("Model file " + file + " cannot be read: " + reason(e) + ".");
        }
    }

    /** The system's reason in words, without exception class names. */
    static String reason(Throwable e) {
        return org.gtlens.files.FileProblems.reason(e);
    }
}
