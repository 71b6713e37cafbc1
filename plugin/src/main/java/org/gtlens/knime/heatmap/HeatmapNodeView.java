package org.gtlens.knime.heatmap;

import javax.swing.JLabel;
import javax.swing.SwingConstants;

import org.gtlens.chart.options.ChartOptions;
import org.gtlens.explorer.FigureSource;
import org.gtlens.explorer.HeatmapExplorer;
import org.gtlens.model.Kind;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeView;

/**
 * The node view: the core's explorer over what the node kept of its table, opened on the figure of the node's
 * settings; its pickers change the view only, never the image port.
 */
final class HeatmapNodeView extends NodeView<HeatmapNodeModel> {

    private HeatmapExplorer m_explorer;

    HeatmapNodeView(final HeatmapNodeModel model) {
        super(model);
        setComponent(new JLabel("Execute the node to see its heatmaps.", SwingConstants.CENTER));
    }

    /** @return the explorer, or null before the node has a figure (for tests) */
    HeatmapExplorer explorer() {
        return m_explorer;
    }

    @Override
    protected void modelChanged() {
        HeatmapNodeModel model = getNodeModel();
        FigureSource source = model == null ? null : model.figureSource();
        if (source == null) {
            m_explorer = null;
            setComponent(new JLabel("Execute the node to see its heatmaps.", SwingConstants.CENTER));
            return;
        }
        m_explorer = new HeatmapExplorer(source);
        HeatmapSettings s = model.settings();
        int item = source instanceof StoreFigureSource store ? Math.max(0, store.indexOf(s.sourceRow())) : 0;
        String k = s.kind();
        Kind kind = k == null ? null : Kind.fromContractName(k);
        try {
            ChartOptions o = model.options() != null ? model.options() : s.options();
            m_explorer.choose(item, source.kinds().contains(kind) ? kind : null, s.blocks().toString(),
                s.heads().toString(), s.positions().toString(), o.valueScale(), o.range());
        } catch (InvalidSettingsException e) {
            // the settings were checked at execute; keep the explorer's own defaults
        }
        setComponent(m_explorer);
    }

    @Override
    protected void onClose() {
        m_explorer = null;
    }

    @Override
    protected void onOpen() {
        modelChanged();
    }
}
