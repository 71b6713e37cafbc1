package org.gtlens.knime.heatmap;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeView;

/** Factory of the Heatmap View node (description in HeatmapNodeFactory.xml). */
public final class HeatmapNodeFactory extends NodeFactory<HeatmapNodeModel> {

    @Override
    public HeatmapNodeModel createNodeModel() {
        return new HeatmapNodeModel();
    }

    @Override
    protected int getNrNodeViews() {
        return 1;
    }

    @Override
    public NodeView<HeatmapNodeModel> createNodeView(final int viewIndex, final HeatmapNodeModel nodeModel) {
        if (viewIndex != 0) {
            throw new IndexOutOfBoundsException("Heatmap View has one view, not " + (viewIndex + 1));
        }
        return new HeatmapNodeView(nodeModel);
    }

    @Override
    protected boolean hasDialog() {
        return true;
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new HeatmapNodeDialog();
    }
}
