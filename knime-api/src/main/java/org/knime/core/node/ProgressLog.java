package org.knime.core.node;

import java.util.ArrayList;
import java.util.List;

/**
 * Stand-in helper (package-private): the shared state behind one root {@link ExecutionMonitor} and all monitors and
 * contexts derived from it: the recorded progress events and the cancel flag. The test harness (package
 * {@code org.knime.core.node} of the test-jar) reads and drives it.
 */
final class ProgressLog {

    /** One {@code setProgress}/{@code setMessage} call as seen at the root: progress in [0,1] and/or a message. */
    record Event(Double progress, String message) {
    }

    private final List<Event> m_events = new ArrayList<>();

    private double m_progress = Double.NaN;

    private String m_message;

    private volatile boolean m_canceled;

    private int m_checks;

    private int m_cancelAfterChecks = -1;

    synchronized void record(final Double progress, final String message) {
        if (progress == null && message == null) {
            return;
        }
        if (progress != null) {
            m_progress = progress;
        }
        if (message != null) {
            m_message = message;
        }
        m_events.add(new Event(progress, message));
    }

    synchronized void checkCanceled() throws CanceledExecutionException {
        m_checks++;
        if (m_cancelAfterChecks >= 0 && m_checks > m_cancelAfterChecks) {
            m_canceled = true;
        }
        if (m_canceled) {
            throw new CanceledExecutionException("Execution canceled");
        }
    }

    void cancel() {
        m_canceled = true;
    }

    synchronized void cancelAfterChecks(final int n) {
        m_cancelAfterChecks = m_checks + n;
    }

    boolean isCanceled() {
        return m_canceled;
    }

    synchronized int checks() {
        return m_checks;
    }

    synchronized double progress() {
        return m_progress;
    }

    synchronized String message() {
        return m_message;
    }

    synchronized List<Event> events() {
        return new ArrayList<>(m_events);
    }
}
