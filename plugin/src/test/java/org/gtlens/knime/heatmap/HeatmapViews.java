package org.gtlens.knime.heatmap;

import java.util.concurrent.TimeUnit;

import org.gtlens.explorer.HeatmapExplorer;
import org.knime.core.node.NodeTestHarness;
import org.knime.core.node.NodeView;

/** Opens a Heatmap View as KNIME does and waits until its worker has shown what it drew. */
public final class HeatmapViews {

    private HeatmapViews() {
    }

    /**
     * @param model an executed (or not) Heatmap View model
     * @return the opened view, its first figures shown
     * @throws Exception if opening fails or drawing takes longer than a minute
     */
    public static NodeView<?> open(final HeatmapNodeModel model) throws Exception {
        NodeView<?> view = NodeTestHarness.createView(new HeatmapNodeFactory(), 0, model);
        NodeTestHarness.openView(view);
        awaitShown(view);
        return view;
    }

    /** Waits until the view shows what its latest change drew. */
    public static void awaitShown(final NodeView<?> view) throws InterruptedException {
        if (!((HeatmapNodeView)view).shown().await(1, TimeUnit.MINUTES)) {
            throw new AssertionError("the view did not finish drawing within a minute");
        }
    }

    /** @return the view's explorer, or null when it shows a message */
    public static HeatmapExplorer explorer(final NodeView<?> view) {
        return ((HeatmapNodeView)view).explorer();
    }

    /**
     * Tells the view its model changed, on the event thread as KNIME does.
     *
     * @return what it shows right after, still on the event thread (before any worker could report)
     */
    public static java.awt.Component changeOnEdt(final NodeView<?> view) throws Exception {
        java.util.concurrent.atomic.AtomicReference<java.awt.Component> shown =
            new java.util.concurrent.atomic.AtomicReference<>();
        javax.swing.SwingUtilities.invokeAndWait(() -> {
            ((HeatmapNodeView)view).modelChanged();
            shown.set(NodeTestHarness.viewComponent(view));
        });
        return shown.get();
    }
}
