package org.knime.core.node;

import java.awt.Rectangle;

/**
 * Stand-in for KNIME's {@code AbstractNodeView} (compile/test only, never shipped): base class of node views. As in
 * knime/knime-core {@code org.knime.core/src/eclipse/org/knime/core/node/AbstractNodeView.java}
 * ({@code analytics-platform/5.5.3}, unchanged on master): a view is registered with its model only when it is
 * opened ({@code openView}, which KNIME calls) and unregistered when closed ({@code closeView}); an exception from
 * {@link #modelChanged()} is caught and logged, and {@link #updateModel(Object)} does nothing by default. The stand-in
 * also keeps the first such failure for the test harness, which reports it instead of letting it pass as KNIME does.
 *
 * @param <T> the model class
 */
public abstract class AbstractNodeView<T extends AbstractNodeView.ViewableModel> {

    /** Marker of models that can have views (NodeModel implements it). */
    public static interface ViewableModel {
    }

    private final T m_model;

    private String m_viewName;

    private volatile Throwable m_failure;

    /** @param viewableModel the model shown */
    protected AbstractNodeView(final T viewableModel) {
        if (viewableModel == null) {
            throw new IllegalArgumentException("Node model must not be null");
        }
        m_model = viewableModel;
    }

    /** @return the model shown */
    protected final T getViewableModel() {
        return m_model;
    }

    /** @return a logger for this view's class */
    public NodeLogger getLogger() {
        return NodeLogger.getLogger(getClass());
    }

    /** Calls {@link #modelChanged()}; what it throws is logged, not passed on (as in KNIME). */
    void callModelChanged() {
        try {
            modelChanged();
        } catch (Throwable t) { // NOSONAR: KNIME catches everything a view throws here
            failed("modelChanged()", t);
        }
    }

    /** Logs a failure of the view's code (KNIME: error log) and keeps the first one for the test harness. */
    final void failed(final String where, final Throwable t) {
        getLogger().error("NodeView." + where + " causes an error, reason: " + t.getMessage(), t);
        if (m_failure == null) {
            m_failure = t;
        }
    }

    /** @return the first failure since the last call, which it clears (for the test harness) */
    final Throwable takeFailure() {
        Throwable t = m_failure;
        m_failure = null;
        return t;
    }

    /** Called when the model changed (after execute, reset, or when the model calls stateChanged). */
    protected abstract void modelChanged();

    /**
     * Called by {@code NodeModel#notifyViews(Object)}; does nothing by default.
     *
     * @param arg the argument passed to notifyViews
     */
    protected void updateModel(final Object arg) {
        // nothing by default, as in KNIME
    }

    /** What KNIME calls to open a view: registers it with its model, then {@link #callOpenView(String, Rectangle)}. */
    final void openView(final String title, final Rectangle knimeWindowBounds) {
        if (m_model instanceof NodeModel n) {
            n.registerView(this);
        }
        m_viewName = title;
        callOpenView(title, knimeWindowBounds);
    }

    protected abstract void callOpenView(String title);

    /**
     * @param title the view title
     * @param knimeWindowBounds the bounds of KNIME's window (null if unknown)
     */
    protected void callOpenView(final String title, final Rectangle knimeWindowBounds) {
        callOpenView(title);
    }

    /** What KNIME calls to close a view: unregisters it from its model, then {@link #callCloseView()}. */
    void closeView() {
        if (m_model instanceof NodeModel n) {
            n.unregisterView(this);
        }
        callCloseView();
    }

    protected abstract void callCloseView();

    /** @return the title the view was opened with */
    String getViewName() {
        return m_viewName;
    }
}
