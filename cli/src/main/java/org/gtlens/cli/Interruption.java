package org.gtlens.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.gtlens.files.AtomicOutput;

/**
 * Ctrl-C or kill during a run: the run stops after its current step and its temporary files are removed, instead of
 * the JVM ending mid-write. Open while the run lasts.
 */
final class Interruption implements AutoCloseable {

    private final AtomicBoolean interrupted = new AtomicBoolean();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;

    Interruption() {
        hook = new Thread(() -> {
            interrupted.set(true);
            // first of all: ONNX Runtime's own shutdown hook may end the process while a batch still runs
            AtomicOutput.discardAllOpen();
            try {
                finished.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** True once the process was asked to end. */
    boolean requested() {
        return interrupted.get();
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
