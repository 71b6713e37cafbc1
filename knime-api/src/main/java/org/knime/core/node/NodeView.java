package org.knime.core.node;

import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Component;
import java.awt.Container;
import java.awt.Dimension;
import java.awt.Rectangle;

import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.SwingConstants;
import javax.swing.SwingUtilities;

/**
 * Stand-in for KNIME's {@code NodeView} (compile/test only, never shipped): a Swing view of a node model, behaving as
 * knime/knime-core {@code org.knime.core/src/eclipse/org/knime/core/node/NodeView.java} ({@code analytics-platform/5.5.3},
 * unchanged on master) does, on the event dispatch thread (EDT):
 * <ul>
 * <li>the constructor shows a "No data to display" label ({@code setShowNODATALabel(true)}, {@code setComponent});</li>
 * <li>opening runs, on the EDT, {@link #onOpen()} and then {@code callModelChanged()}, which calls
 * {@link #modelChanged()} once and then {@code setComponent(getComponent())}, but only when a component is set
 * (a view without a "no data" label that never called {@code setComponent} gets no {@code modelChanged});</li>
 * <li>{@code setComponent} (on the EDT) shows the "no data" label instead of the component while the model has no
 * content (not executed), and {@link #getComponent()} is the component last set all the same;</li>
 * <li>execute and reset change the model's content and so call {@code modelChanged} once per open view, on the EDT
 * (later when the change happens on another thread); configure does not;</li>
 * <li>closing runs {@link #onClose()} on the EDT and forgets the component; {@link #isOpen()} is true from the end of
 * opening until closing (so not yet during {@code onOpen}).</li>
 * </ul>
 * Work posted from another thread runs later, as {@code SwingUtilities.invokeLater} does; the test harness waits for
 * it. The one difference: KNIME's view owns a {@code JFrame} (so it cannot even be created without a display); the
 * stand-in keeps a plain panel in its place, so views can be tested headless. Title and visibility are kept as the
 * frame would keep them.
 *
 * @param <T> the model class
 */
public abstract class NodeView<T extends NodeModel> extends AbstractNodeView<T> implements NodeModelWarningListener {

    /** The frame's background (as in KNIME). */
    public static final Color COLOR_BACKGROUND = Color.LIGHT_GRAY;

    /** What stands in for the frame's content pane. */
    private final JPanel m_content = new JPanel(new BorderLayout());

    private Component m_comp;

    private Component m_noDataComp;

    private Component m_activeComp;

    private volatile boolean m_visible;

    private volatile String m_title = "";

    private volatile String m_frameName = "";

    /** @param nodeModel the model shown */
    protected NodeView(final T nodeModel) {
        super(nodeModel);
        m_content.setBackground(COLOR_BACKGROUND);
        setShowNODATALabel(true);
        setComponent(m_noDataComp);
    }

    /** @return the model shown */
    protected T getNodeModel() {
        return getViewableModel();
    }

    /** @return what KNIME exports as image (the frame's content) */
    protected Container getExportComponent() {
        return m_content;
    }

    /** @param showIt whether a "No data to display" label stands in for the component while the model is empty */
    protected final void setShowNODATALabel(final boolean showIt) {
        if (showIt) {
            JLabel noData = new JLabel("<html><center>No data to display</center></html>", SwingConstants.CENTER);
            noData.setPreferredSize(new Dimension(300, 200));
            m_noDataComp = noData;
        } else {
            m_noDataComp = null;
        }
    }

    /** Runs now on the EDT, else posts it to the EDT (KNIME's ViewUtils.runOrInvokeLaterInEDT). */
    static void onEdt(final Runnable r) {
        if (SwingUtilities.isEventDispatchThread()) {
            r.run();
        } else {
            SwingUtilities.invokeLater(r);
        }
    }

    /** On the EDT: {@code modelChanged()} and {@code setComponent(getComponent())}, if a component is set. */
    @Override
    final void callModelChanged() {
        onEdt(() -> {
            if (m_comp != null) {
                super.callModelChanged();
                setComponent(m_comp);
            }
        });
    }

    protected abstract void onClose();

    protected abstract void onOpen();

    /**
     * Opens the view: {@link #callOpenView(String, Rectangle)} without bounds.
     *
     * @param title the view title
     */
    @Override
    protected void callOpenView(final String title) {
        callOpenView(title, null);
    }

    /**
     * Opens the view: on the EDT, {@link #onOpen()}, then {@code callModelChanged()}, then title and visibility.
     *
     * @param title the view title
     * @param knimeWindowBounds ignored (no window)
     */
    @Override
    protected final void callOpenView(final String title, final Rectangle knimeWindowBounds) {
        getNodeModel().addWarningListener(this);
        onEdt(() -> {
            try {
                onOpen();
                callModelChanged();
                m_frameName = title;
                m_title = title;
                m_visible = true;
            } catch (Throwable t) { // NOSONAR: an exception here ends up in the EDT's handler in KNIME
                failed("onOpen()", t);
            }
        });
    }

    /** Closes the view as KNIME does (deprecated there; KNIME itself calls the package-private variant). */
    @Deprecated
    @Override
    public final void closeView() {
        super.closeView();
    }

    /** Closes the view: on the EDT, {@link #onClose()}; then the component is forgotten and the view hidden. */
    @Override
    public final void callCloseView() {
        getNodeModel().removeWarningListener(this);
        onEdt(() -> {
            try {
                onClose();
            } catch (Throwable t) { // NOSONAR: KNIME catches and logs it
                failed("onClose()", t);
            }
            m_activeComp = null;
            m_comp = null;
            m_visible = false;
            m_content.removeAll();
        });
    }

    /** @return whether the view is open (from the end of opening until it is closed) */
    protected final boolean isOpen() {
        return m_visible;
    }

    /** @param suffix appended to the title the view was opened with (ignored if null) */
    protected final void setViewTitleSuffix(final String suffix) {
        if (suffix != null) {
            m_title = m_frameName + " " + suffix;
        }
    }

    /** @return the title (empty before the view is opened) */
    public final String getViewTitle() {
        return m_title;
    }

    /** @return the component last set (null before one is set and after closing) */
    protected final Component getComponent() {
        return m_comp;
    }

    /**
     * Sets the view's component, on the EDT: it is shown unless the model has no content and the "no data" label is
     * on, in which case the label is shown.
     *
     * @param comp the view's component
     */
    protected final void setComponent(final Component comp) {
        onEdt(() -> {
            Component show = !getNodeModel().hasContent() && m_noDataComp != null ? m_noDataComp : comp;
            if (show != null && show != m_activeComp) {
                if (m_activeComp != null) {
                    m_content.remove(m_activeComp);
                }
                m_activeComp = show;
                m_content.add(show, BorderLayout.CENTER);
            }
            m_comp = comp;
        });
    }

    /** @return what the view displays now: its component, or the "no data" label (for the test harness) */
    final Component displayedComponent() {
        return m_activeComp;
    }
}
