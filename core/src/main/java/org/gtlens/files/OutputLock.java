package org.gtlens.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.gtlens.GtLensException;

/**
 * One run at a time writes into an output folder: a run holds an operating-system lock on the hidden file
 * {@value #NAME} in the folder from the start of its work to its end (commit included), and a second run into the same
 * folder is refused in one sentence naming the process that writes there. The file is removed when the run ends; a
 * killed run's lock ends with its process (the file it leaves is taken over by the next run and removed).
 *
 * <p>The file is deleted while still locked, so a run that locked a file another run has since removed notices (the
 * folder's file is no longer the one it opened) and tries again on the file that is there.
 */
public final class OutputLock implements AutoCloseable {

    /** The lock file's name in the output folder. */
    public static final String NAME = ".gtlens.lock";

    /** Locks of this process not yet released, for a shutdown ({@link #releaseAll()}). */
    private static final Set<OutputLock> HELD = ConcurrentHashMap.newKeySet();

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;
    private boolean released;

    private OutputLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
        HELD.add(this);
    }

    /**
     * Locks {@code dir} for this run.
     *
     * @throws GtLensException when another live run (of this or another process) writes into the folder, or the lock
     *                         file cannot be made
     */
    public static OutputLock acquire(Path dir) throws GtLensException {
        Path file = dir.resolve(NAME).toAbsolutePath().normalize();
        for (OutputLock held : HELD) {
            // never a second channel on a file this process locks: closing it would drop the lock (POSIX)
            if (held.file.equals(file)) {
                throw new GtLensException("Output folder " + dir + " is being written by another gtlens run (this "
                        + "process); wait until it ends or choose another --out.");
            }
        }
        for (int attempt = 0; attempt < 20; attempt++) {
            FileChannel channel = null;
            try {
                Object before = key(file);
                channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                        StandardOpenOption.WRITE);
                Object opened = key(file);
                FileLock lock;
                try {
                    lock = channel.tryLock();
                } catch (OverlappingFileLockException sameProcess) {
                    lock = null;
                }
                if (lock == null) {
                    channel.close();
                    throw new GtLensException("Output folder " + dir + " is being written by another gtlens run"
                            + owner(file) + "; wait until it ends or choose another --out.");
                }
                // the file locked is the one the folder holds: it was there before and after the open and is still
                // (a run that ends removes its file while locked; a file removed meanwhile is tried again)
                Object locked = key(file);
                boolean replaced = opened == null ? !Files.exists(file)
                        : before != null && !before.equals(opened) || !opened.equals(locked);
                if (replaced) {
                    channel.close(); // not a lock this process holds elsewhere: closing drops only this one
                    continue;
                }
                channel.truncate(0);
                channel.write(ByteBuffer.wrap(Long.toString(ProcessHandle.current().pid())
                        .getBytes(StandardCharsets.UTF_8)), 0);
                return new OutputLock(file, channel, lock);
            } catch (GtLensException e) {
                throw e;
            } catch (IOException e) {
                closeQuietly(channel);
                throw new GtLensException("Output folder " + dir + " cannot be locked for this run: "
                        + FileProblems.reason(e) + ".");
            }
        }
        throw new GtLensException("Output folder " + dir + " is being written by other gtlens runs that keep "
                + "starting; choose another --out.");
    }

    /**
     * The identity of the file at {@code file} (device and inode), read without opening it (opening and closing the
     * file would drop this process's lock on it); null when it does not exist or the system has none (Windows, where
     * a locked file cannot be removed anyway).
     */
    private static Object key(Path file) {
        try {
            return Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class,
                    java.nio.file.LinkOption.NOFOLLOW_LINKS).fileKey();
        } catch (IOException e) {
            return null;
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            return null;
        }
    }

    /** " (process 1234)" from the lock file, or nothing when it does not say. */
    private static String owner(Path file) {
        String text = read(file);
        if (text == null) {
            return "";
        }
        String pid = text.strip();
        return pid.matches("\\d{1,19}") ? " (process " + pid + ")" : "";
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // nothing more to do
            }
        }
    }

    /** Releases every lock of this process: what a shutdown hook calls once the run's outputs are discarded. */
    public static void releaseAll() {
        for (OutputLock l : HELD) {
            l.close();
        }
    }

    /** Removes the lock file (still locked, so no other run takes it meanwhile) and releases the lock. */
    @Override
    public synchronized void close() {
        if (released) {
            return;
        }
        released = true;
        HELD.remove(this);
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // the next run takes the file over
        }
        try {
            lock.release();
        } catch (IOException e) {
            // closing the channel releases it too
        }
        closeQuietly(channel);
    }
}
