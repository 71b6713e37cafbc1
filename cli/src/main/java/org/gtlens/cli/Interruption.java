package org.gtlens.cli;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.gtlens.files.AtomicOutput;

/**
 * The one interrupt protocol of every command that writes files: on Ctrl-C or kill (SIGTERM) the run's temporary
 * output files ({@link AtomicOutput}) are deleted at once and no later commit happens, the cleanups the command
 * registered ({@link #onInterrupt}: a temporary folder, a child process) run, and the JVM ends once the run has
 * stopped after its current step (at most 30 seconds later), instead of mid-write. Open while the run lasts.
 */
final class Interruption implements AutoCloseable {

    /** Set once any run of this process was interrupted: the failure it then reports is the interrupt. */
    private static final AtomicBoolean ANY = new AtomicBoolean();

    private final AtomicBoolean interrupted = new AtomicBoolean();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final List<Runnable> cleanups = new CopyOnWriteArrayList<>();
    private final Thread hook;

    Interruption() {
        hook = new Thread(() -> {
            interrupted.set(true);
            ANY.set(true);
            // first of all: ONNX Runtime's own shutdown hook may end the process while a batch still runs
            AtomicOutput.discardAllOpen();
            cleanUp();
            org.gtlens.files.OutputLock.releaseAll(); // nothing is committed any more
            try {
                finished.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            cleanUp(); // again: what the run created while it came to a stop
        });
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Registers what an interrupt must undo besides the open output files (run twice: at once and at the end). */
    Interruption onInterrupt(Runnable cleanup) {
        cleanups.add(cleanup);
        return this;
    }

    private void cleanUp() {
        for (Runnable r : cleanups) {
            try {
                r.run();
            } catch (RuntimeException e) {
                // the process is ending; the other cleanups still run
            }
        }
    }

    /** True once the process was asked to end. */
    boolean requested() {
        return interrupted.get();
    }

    /** True once a run of this process was interrupted. */
    static boolean anyRequested() {
        return ANY.get();
    }

    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is already exiting; nothing to undo
        }
    }
}
