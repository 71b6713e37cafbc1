package org.gtlens.knime.heatmap;

import javax.swing.JScrollPane;

import org.gtlens.chart.HeatmapPanel;
import org.knime.core.node.NodeView;

/** The node view: the core's interactive heatmap panel (tooltips show each cell's row, column and value). */
final class HeatmapNodeView extends NodeView<HeatmapNodeModel> {

    private final HeatmapPanel m_panel = new HeatmapPanel();

    HeatmapNodeView(final HeatmapNodeModel model) {
        super(model);
        setComponent(new JScrollPane(m_panel));
    }

    /** @return the heatmap panel (for tests) */
    HeatmapPanel panel() {
        return m_panel;
    }

    @Override
    protected void modelChanged() {
        HeatmapNodeModel model = getNodeModel();
        m_panel.setGrid(model == null ? null : model.grid(), model == null ? null : model.options());
    }

    @Override
    protected void onClose() {
        // nothing to release
    }

    @Override
    protected void onOpen() {
        modelChanged();
    }
}
