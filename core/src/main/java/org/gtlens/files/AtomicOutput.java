package org.gtlens.files;

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
import java.util.ArrayList;
import java.util.List;

import org.gtlens.files.FileProblems;

/**
 * A file that appears only when complete: written to a temporary sibling and renamed on {@link #commit()}, deleted
 * on {@link #close()} otherwise. An interrupted run therefore never leaves a half-written table behind: a shutdown
 * (Ctrl-C) discards every open one at once ({@link #discardAllOpen()}), and the temporary names carry the process id,
 * so a later run removes what a killed one left ({@link #sweep}). The outputs of one run are committed together
 * ({@link #commitAll}): all appear, or none does and what was there before stays. A failed write names the file and
 * the system's reason ("no space left on the device").
 */
public final class AtomicOutput implements AutoCloseable {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** Temporary files of this process not yet committed or discarded. */
    private static final java.util.Set<AtomicOutput> OPEN = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** Set once the process shuts down: nothing is committed after it. */
    private static volatile boolean discarding;
    private static final java.util.regex.Pattern TEMP = java.util.regex.Pattern.compile("\\..+\\.(\\d+)\\.[0-9a-f]+\\.part");

    private final Path target;
    private final Path temp;
    private final OutputStream stream;
    private BufferedWriter writer;
    private boolean committed;

    public AtomicOutput(Path target) throws IOException {
        this.target = target;
        // Not Files.createTempFile: its owner-only permissions would stay on the finished file.
        this.temp = tempName(target);
        OutputStream file;
        // created and registered in one step with discardAllOpen, so a shutdown never misses a file just created
        synchronized (AtomicOutput.class) {
            if (discarding) {
                throw new IOException("the process is shutting down; " + target + " is not written");
            }
            try {
                file = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            } catch (IOException e) {
                throw new FileProblems.WriteFailure("Output file " + target + " cannot be created", e);
            }
            this.stream = new Named(file, "Output file " + target + " cannot be written");
            OPEN.add(this);
        }
    }

    /** True once {@link #discardAllOpen()} ran: the process is shutting down and nothing more is committed. */
    public static boolean discarding() {
        return discarding;
    }

    /**
     * Deletes the temporary files of every output of this process that is still open, and refuses any later commit:
     * what a shutdown hook calls first, before a native library's own shutdown may end the process.
     */
    public static void discardAllOpen() {
        discarding = true;
        synchronized (AtomicOutput.class) {
            for (AtomicOutput o : OPEN) {
                try {
                    Files.deleteIfExists(o.temp);
                } catch (IOException e) {
                    // the process is ending; nothing more to do
                }
            }
        }
    }

    /**
     * Removes the temporary files that runs which are no longer alive left in {@code dir} (killed with kill -9, or
     * crashed): only GT Lens's own ({@code .NAME.PID.HEX.part}), and only of processes that no longer exist.
     *
     * @return how many were removed
     */
    public static int sweep(Path dir) {
        int removed = 0;
        try (var files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                java.util.regex.Matcher m = TEMP.matcher(p.getFileName().toString());
                if (m.matches() && Files.isRegularFile(p) && !alive(Long.parseLong(m.group(1)))) {
                    removed += Files.deleteIfExists(p) ? 1 : 0;
                }
            }
        } catch (IOException | RuntimeException e) {
            // a folder we cannot list has nothing of ours to sweep
        }
        return removed;
    }

    private static boolean alive(long pid) {
        return pid == ProcessHandle.current().pid() || ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
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
        synchronized (AtomicOutput.class) {
            if (discarding) {
                throw new IOException("the process is shutting down; " + target + " is not written");
            }
            moveIntoPlace();
        }
    }

    /**
     * Commits several outputs as one: every file is finished first (a full disk shows here, before any name changes),
     * then each is moved into place; when a move fails, those already moved are rolled back, the files they replaced
     * restored, so either all targets hold the new files or all hold what they held before.
     */
    public static void commitAll(List<AtomicOutput> outputs) throws IOException {
        for (AtomicOutput o : outputs) {
            o.closeFile();
        }
        synchronized (AtomicOutput.class) {
            if (discarding) {
                throw new IOException("the process is shutting down; no output is written");
            }
            List<AtomicOutput> moved = new ArrayList<>();
            List<Path> backups = new ArrayList<>();
            try {
                for (AtomicOutput o : outputs) {
                    Path backup = o.backUpTarget();
                    o.moveIntoPlace();
                    moved.add(o);
                    backups.add(backup);
                }
            } catch (IOException | RuntimeException e) {
                for (int i = moved.size() - 1; i >= 0; i--) {
                    moved.get(i).rollBack(backups.get(i));
                }
                if (e instanceof IOException io) {
                    throw new FileProblems.WriteFailure("Output file " + outputs.get(moved.size()).target
                            + " cannot be put in place, so no output of this run is written", io);
                }
                throw e;
            }
            for (Path b : backups) {
                if (b != null) {
                    Files.deleteIfExists(b);
                }
            }
        }
    }

    /** A hard link to the file the commit will replace, under a temporary name; null when there is none. */
    private Path backUpTarget() throws IOException {
        if (!Files.isRegularFile(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        Path backup = tempName(target);
        try {
            Files.createLink(backup, target);
        } catch (UnsupportedOperationException | IOException e) {
            Files.copy(target, backup, StandardCopyOption.COPY_ATTRIBUTES);
        }
        return backup;
    }

    /** Undoes a commit's move: the previous file back in place, or the new one removed. */
    private void rollBack(Path backup) {
        try {
            if (backup != null) {
                Files.move(backup, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } else {
                Files.deleteIfExists(target);
            }
        } catch (IOException e) {
            // nothing more can be done; the error that caused the rollback is reported
        }
    }

    private static Path tempName(Path target) {
        Path dir = target.toAbsolutePath().getParent();
        return dir.resolve("." + target.getFileName() + "." + ProcessHandle.current().pid() + "."
                + Long.toHexString(RANDOM.nextLong()) + ".part");
    }

    private void moveIntoPlace() throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        committed = true;
        OPEN.remove(this);
    }

    private boolean closed;

    private void closeFile() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        if (writer != null) {
            writer.close();
        } else {
            stream.close();
        }
    }

    /** The file's stream: failures name the file and the system's reason. */
    private static final class Named extends java.io.FilterOutputStream {
        private final String what;

        /** One operation on the underlying stream. */
        @FunctionalInterface
        private interface Io {
            void run() throws IOException;
        }

        Named(OutputStream out, String what) {
            super(out);
            this.what = what;
        }

        private void guard(Io io) throws IOException {
            try {
                io.run();
            } catch (FileProblems.WriteFailure e) {
                throw e;
            } catch (IOException e) {
                throw new FileProblems.WriteFailure(what, e);
            }
        }

        @Override
        public void write(int b) throws IOException {
            guard(() -> out.write(b));
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            guard(() -> out.write(b, off, len));
        }

        @Override
        public void flush() throws IOException {
            guard(out::flush);
        }

        @Override
        public void close() throws IOException {
            guard(out::close);
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
                OPEN.remove(this);
            }
        }
    }
}
