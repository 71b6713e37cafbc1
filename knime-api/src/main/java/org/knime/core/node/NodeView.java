package org.knime.core.node;

import java.awt.Component;

import javax.swing.JPanel;

/**
 * Stand-in for KNIME's {@code NodeView} (compile/test only, never shipped): a Swing view of a node model. No
 * window is opened (tests run headless): the test harness opens a view with {@code callOpenView}, which calls
 * {@link #modelChanged()} and then {@link #onOpen()}, and closes it with {@link #callCloseView()}; the component
 * set with {@link #setComponent(Component)} can be inspected or painted off-screen.
 *
 * @param <T> the model class
 */
public abstract class NodeView<T extends NodeModel> extends AbstractNodeView<T> implements NodeModelWarningListener {

    private Component m_component = new JPanel();

    private boolean m_open;

    private String m_title;

    private String m_titleSuffix;

    private boolean m_showNoData = true;

    /** @param nodeModel the model shown */
    protected NodeView(final T nodeModel) {
        super(nodeModel);
        nodeModel.registerView(this);
    }

    /** @return the model shown */
    protected T getNodeModel() {
        return getViewableModel();
    }

    /** @param showIt whether to show a "no data" label when the model has no data (kept, not rendered) */
    protected final void setShowNODATALabel(final boolean showIt) {
        m_showNoData = showIt;
    }

    boolean isShowNoDataLabel() {
        return m_showNoData;
    }

    protected abstract void onClose();

    protected abstract void onOpen();

    /**
     * Opens the view: calls {@link #modelChanged()}, then {@link #onOpen()}.
     *
     * @param title the view title
     */
    @Override
    protected void callOpenView(final String title) {
        m_title = title;
        m_open = true;
        modelChanged();
        onOpen();
    }

    /** Closes the view: calls {@link #onClose()} and detaches it from the model. */
    @Override
    public final void callCloseView() {
        if (m_open) {
            onClose();
        }
        m_open = false;
        getNodeModel().unregisterView(this);
    }

    /** @return whether the view is open */
    protected final boolean isOpen() {
        return m_open;
    }

    /** @param suffix appended to the title */
    protected final void setViewTitleSuffix(final String suffix) {
        m_titleSuffix = suffix;
    }

    /** @return the title (with suffix) */
    public final String getViewTitle() {
        String t = m_title == null ? getClass().getSimpleName() : m_title;
        return m_titleSuffix == null ? t : t + " " + m_titleSuffix;
    }

    /** @return the view's component */
    protected final Component getComponent() {
        return m_component;
    }

    /** @param comp the view's component */
    protected final void setComponent(final Component comp) {
        m_component = comp;
    }
}
