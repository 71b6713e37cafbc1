package org.knime.core.node;

import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.atomic.AtomicReference;

import javax.swing.SwingUtilities;

/**
 * Test support: runs work on the event dispatch thread as KNIME's ViewUtils.invokeAndWaitInEDT does (dialogs load,
 * save and open there; views do all their work there), and waits for what views posted to it. Works headless: the
 * EDT needs no display.
 */
final class Edt {

    /** Work that returns a value and may throw a checked exception. */
    @FunctionalInterface
    interface Work<V, E extends Exception> {
        V run() throws E;
    }

    private Edt() {
    }

    /** Waits until everything posted to the EDT so far has run (nothing to wait for on the EDT itself). */
    static void flush() {
        call(() -> null);
    }

    /**
     * @param <V> the result type
     * @param <E> the checked exception the work may throw
     * @param work what to run on the EDT (now, when already on it)
     * @return its result
     * @throws E what it threw
     */
    @SuppressWarnings("unchecked")
    static <V, E extends Exception> V call(final Work<V, E> work) throws E {
        if (SwingUtilities.isEventDispatchThread()) {
            return work.run();
        }
        AtomicReference<V> result = new AtomicReference<>();
        AtomicReference<Exception> failure = new AtomicReference<>();
        try {
            SwingUtilities.invokeAndWait(() -> {
                try {
                    result.set(work.run());
                } catch (Exception e) {
                    failure.set(e);
                }
            });
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the event dispatch thread", e);
        }
        Exception e = failure.get();
        if (e instanceof RuntimeException re) {
            throw re;
        }
        if (e != null) {
            throw (E)e; // only E can come from the work
        }
        return result.get();
    }
}
