package org.knime.core.node;

/**
 * Stand-in for KNIME's {@code AbstractNodeView} (compile/test only, never shipped): base class of node views.
 *
 * @param <T> the model class
 */
public abstract class AbstractNodeView<T extends AbstractNodeView.ViewableModel> {

    /** Marker of models that can have views (NodeModel implements it). */
    public static interface ViewableModel {
    }

    private final T m_model;

    /** @param viewableModel the model shown */
    protected AbstractNodeView(final T viewableModel) {
        if (viewableModel == null) {
            throw new NullPointerException("Model must not be null");
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

    /** Called when the model changed (after execute or reset); called on the caller's thread in the stand-in. */
    protected abstract void modelChanged();

    /**
     * Called by {@code NodeModel#notifyViews(Object)}; calls {@link #modelChanged()} by default.
     *
     * @param arg the argument passed to notifyViews
     */
    protected void updateModel(final Object arg) {
        modelChanged();
    }

    protected abstract void callOpenView(String title);

    protected abstract void callCloseView();
}
