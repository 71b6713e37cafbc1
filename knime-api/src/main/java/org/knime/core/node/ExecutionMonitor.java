package org.knime.core.node;

import java.util.function.Supplier;

/**
 * Stand-in for KNIME's {@code ExecutionMonitor} (compile/test only, never shipped): progress reporting and
 * cancelation checks. A sub-progress monitor covers {@code maxProg} of its parent's range: its progress from 0 to 1
 * advances the parent by {@code maxProg}. Everything reaching the root is recorded, and cancelation is requested,
 * through the test harness ({@code org.knime.core.node.TestExecution} in the test-jar).
 */
public class ExecutionMonitor {

    private final ExecutionMonitor m_parent;

    private final ProgressLog m_log;

    private final double m_maxProg;

    private final boolean m_silent;

    private final boolean m_cancelable;

    private double m_progress;

    /** A root monitor with its own (unobserved) progress log. */
    public ExecutionMonitor() {
        this(null, new ProgressLog(), 1, false, true);
    }

    ExecutionMonitor(final ExecutionMonitor parent, final ProgressLog log, final double maxProg,
        final boolean silent, final boolean cancelable) {
        m_parent = parent;
        m_log = log;
        m_maxProg = Math.max(0, Math.min(1, maxProg));
        m_silent = silent;
        m_cancelable = cancelable;
    }

    ProgressLog log() {
        return m_log;
    }

    boolean isCancelable() {
        return m_cancelable && (m_parent == null || m_parent.isCancelable());
    }

    /** @throws CanceledExecutionException if execution was canceled (never for non-cancelable monitors) */
    public void checkCanceled() throws CanceledExecutionException {
        if (isCancelable()) {
            m_log.checkCanceled();
        }
    }

    /** @param progress the progress in [0, 1] (clamped) */
    public void setProgress(final double progress) {
        update(progress, null);
    }

    /**
     * @param progress the progress in [0, 1] (clamped)
     * @param message a message, may be null
     */
    public void setProgress(final double progress, final String message) {
        update(progress, message);
    }

    /**
     * @param progress the progress in [0, 1] (clamped)
     * @param messageSupplier supplies the message
     */
    public void setProgress(final double progress, final Supplier<String> messageSupplier) {
        update(progress, messageSupplier == null ? null : messageSupplier.get());
    }

    /** @param message a message */
    public void setMessage(final String message) {
        update(null, message);
    }

    /** @param messageSupplier supplies the message */
    public void setMessage(final Supplier<String> messageSupplier) {
        update(null, messageSupplier == null ? null : messageSupplier.get());
    }

    /** @param message a message (progress unchanged) */
    public void setProgress(final String message) {
        update(null, message);
    }

    /**
     * @param maxProg the share of this monitor's range the sub-monitor covers
     * @return the sub-monitor
     */
    public ExecutionMonitor createSubProgress(final double maxProg) {
        return new ExecutionMonitor(this, m_log, maxProg, false, true);
    }

    /**
     * @param maxProg the share of this monitor's range the sub-monitor covers
     * @return a sub-monitor whose messages are not passed on
     */
    public ExecutionMonitor createSilentSubProgress(final double maxProg) {
        return new ExecutionMonitor(this, m_log, maxProg, true, true);
    }

    /** @return a sub-monitor that covers no progress and ignores cancelation */
    public ExecutionMonitor createNonCancelableSubProgress() {
        return new ExecutionMonitor(this, m_log, 0, false, false);
    }

    /** Sets this monitor's own progress (null = unchanged) and passes the change on to the root. */
    final void update(final Double progress, final String message) {
        Double delta = null;
        synchronized (this) {
            if (progress != null && !progress.isNaN()) {
                double p = Math.max(0, Math.min(1, progress));
                delta = p - m_progress;
                m_progress = p;
            }
        }
        propagate(delta, message);
    }

    private void propagate(final Double ownDelta, final String message) {
        if (m_parent == null) {
            m_log.record(ownDelta == null ? null : m_progress, message);
            return;
        }
        Double parentDelta = ownDelta == null || m_maxProg == 0 ? null : ownDelta * m_maxProg;
        String msg = m_silent ? null : message;
        if (parentDelta == null && msg == null) {
            return;
        }
        m_parent.advance(parentDelta, msg);
    }

    /** Advances this monitor's own progress by a delta coming from a sub-monitor. */
    private void advance(final Double delta, final String message) {
        Double applied = null;
        synchronized (this) {
            if (delta != null) {
                double p = Math.max(0, Math.min(1, m_progress + delta));
                applied = p - m_progress;
                m_progress = p;
            }
        }
        propagate(applied, message);
    }
}
