package org.gtlens.table;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;

/**
 * A file that appears only when complete: written to a temporary sibling and renamed on {@link #commit()}, deleted
 * on {@link #close()} otherwise. An interrupted run therefore never leaves a half-written table behind.
 */
public final class AtomicOutput implements AutoCloseable {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path target;
    private final Path temp;
    private final OutputStream stream;
    private BufferedWriter writer;
    private boolean committed;

    public AtomicOutput(Path target) throws IOException {
        this.target = target;
        Path dir = target.toAbsolutePath().getParent();
        // Not Files.createTempFile: its owner-only permissions would stay on the finished file.
        this.temp = dir.resolve("." + target.getFileName() + "." + Long.toHexString(RANDOM.nextLong()) + ".part");
        this.stream = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    }

    /** The file as buffered UTF-8 text. Use this or {@link #stream()}, not both. */
    public Writer writer() {
        if (writer == null) {
            writer = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
        }
        return writer;
    }

    /** The file as unbuffered bytes, for writers that hand over large blocks. Use this or {@link #writer()}. */
    public OutputStream stream() {
        return stream;
    }

    public Path target() {
        return target;
    }

    /** Flushes and moves the finished file into place. */
    public void commit() throws IOException {
        closeFile();
        try {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        committed = true;
    }

    private void closeFile() throws IOException {
        if (writer != null) {
            writer.close();
        } else {
            stream.close();
        }
    }

    /** Discards the temporary file unless {@link #commit()} ran. */
    @Override
    public void close() throws IOException {
        if (!committed) {
            try {
                closeFile();
            } finally {
                Files.deleteIfExists(temp);
            }
        }
    }
}
