package org.gtlens.knime.heatmap;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;

import javax.swing.JLabel;
import javax.swing.SwingConstants;
import javax.swing.SwingWorker;

import org.gtlens.GtLensException;
import org.gtlens.explorer.HeatmapExplorer;
import org.knime.core.node.NodeView;

/**
 * The node view: the core's explorer over the node's table, opened on the figure of the node's settings; its
 * pickers change the view only, never the image port. KNIME calls {@link #onOpen} and {@link #modelChanged} on the
 * event thread: the table is read and the first figures drawn by a worker meanwhile, the view saying so.
 */
final class HeatmapNodeView extends NodeView<HeatmapNodeModel> {

    /** The worker of the latest change; an older one that finishes later is ignored. */
    private SwingWorker<ViewFigures, Void> m_worker;

    private HeatmapExplorer m_explorer;

    private CountDownLatch m_shown = new CountDownLatch(1);

    HeatmapNodeView(final HeatmapNodeModel model) {
        super(model);
        setComponent(label("Execute the node to see its heatmaps."));
    }

    private static JLabel label(final String text) {
        return new JLabel(text, SwingConstants.CENTER);
    }

    /** @return the explorer, or null while drawing or without a figure (for tests) */
    HeatmapExplorer explorer() {
        return m_explorer;
    }

    /** @return counted down once the latest change is shown (for tests, which wait for it) */
    CountDownLatch shown() {
        return m_shown;
    }

    @Override
    protected void modelChanged() {
        HeatmapNodeModel model = getNodeModel();
        if (m_worker != null) {
            m_worker.cancel(false);
        }
        m_explorer = null;
        m_shown = new CountDownLatch(1);
        CountDownLatch shown = m_shown;
        setComponent(label("Drawing..."));
        m_worker = new SwingWorker<>() {
            @Override
            protected ViewFigures doInBackground() throws GtLensException {
                return model.viewFigures();
            }

            @Override
            protected void done() {
                if (m_worker == this && !isCancelled()) {
                    show(this);
                    shown.countDown();
                }
            }
        };
        m_worker.execute();
    }

    private void show(final SwingWorker<ViewFigures, Void> worker) {
        try {
            ViewFigures figures = worker.get();
            HeatmapExplorer explorer = new HeatmapExplorer(figures);
            figures.choose(explorer);
            m_explorer = explorer;
            setComponent(explorer);
        } catch (ExecutionException e) {
            setComponent(label(e.getCause().getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    protected void onClose() {
        if (m_worker != null) {
            m_worker.cancel(false);
        }
        m_worker = null;
        m_explorer = null;
    }

    @Override
    protected void onOpen() {
        // modelChanged follows at once and draws
    }
}
