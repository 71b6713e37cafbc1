package org.knime.core.node;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Test support (test-jar of the knime-api stand-in): an in-memory {@link ExecutionContext} whose progress reports
 * are recorded and which a test can cancel. Progress values are as seen by the root context: sub-contexts and
 * sub-progress monitors contribute their share ({@code maxProg}).
 *
 * <pre>
 * TestExecution ex = TestExecution.create();
 * NodeTestHarness.execute(model, ex.context(), input);
 * assertEquals(1.0, ex.progress(), 1e-9);
 * ex.cancelAfterChecks(3);  // the 4th checkCanceled() throws CanceledExecutionException
 * </pre>
 */
public final class TestExecution {

    /** One recorded report: a progress in [0, 1] and/or a message (null when not given). */
    public record ProgressEvent(Double progress, String message) {
    }

    private final ProgressLog m_log = new ProgressLog();

    private final ExecutionContext m_context = new ExecutionContext(m_log);

    private TestExecution() {
    }

    /** @return a fresh execution with nothing recorded */
    public static TestExecution create() {
        return new TestExecution();
    }

    /** @return the context to pass to {@code execute} or a streamable operator */
    public ExecutionContext context() {
        return m_context;
    }

    /** @return the last progress reported, NaN if none */
    public double progress() {
        return m_log.progress();
    }

    /** @return the last message reported, null if none */
    public String message() {
        return m_log.message();
    }

    /** @return all reports, in order */
    public List<ProgressEvent> events() {
        return m_log.events().stream().map(e -> new ProgressEvent(e.progress(), e.message()))
            .collect(Collectors.toList());
    }

    /** @return the progress values reported, in order */
    public List<Double> progressValues() {
        return m_log.events().stream().map(ProgressLog.Event::progress).filter(Objects::nonNull)
            .collect(Collectors.toList());
    }

    /** @return the messages reported, in order */
    public List<String> messages() {
        return m_log.events().stream().map(ProgressLog.Event::message).filter(Objects::nonNull)
            .collect(Collectors.toList());
    }

    /**
     * Makes every container this context creates from now on fail at {@code close()} with a
     * {@code DataContainerException} of this message, as a KNIME container does when its asynchronous writing failed
     * (e.g. a full disk).
     *
     * @param message the message
     * @return this
     */
    public TestExecution failContainersAtClose(final String message) {
        m_context.m_containerCloseFailure = message;
        return this;
    }

    /** Cancels: every following {@code checkCanceled()} (of cancelable monitors) throws. */
    public void cancel() {
        m_log.cancel();
    }

    /** @param n the number of further {@code checkCanceled()} calls that pass before the execution is canceled */
    public void cancelAfterChecks(final int n) {
        m_log.cancelAfterChecks(n);
    }

    /** @return how often {@code checkCanceled()} was called */
    public int cancelChecks() {
        return m_log.checks();
    }

    /** @return whether the execution was canceled */
    public boolean isCanceled() {
        return m_log.isCanceled();
    }
}
