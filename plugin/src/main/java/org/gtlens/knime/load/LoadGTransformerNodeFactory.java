package org.gtlens.knime.load;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeView;

/** Factory of the Load GTransformer node (description in LoadGTransformerNodeFactory.xml). */
public final class LoadGTransformerNodeFactory extends NodeFactory<LoadGTransformerNodeModel> {

    @Override
    public LoadGTransformerNodeModel createNodeModel() {
        return new LoadGTransformerNodeModel();
    }

    @Override
    protected int getNrNodeViews() {
        return 0;
    }

    @Override
    public NodeView<LoadGTransformerNodeModel> createNodeView(final int viewIndex,
        final LoadGTransformerNodeModel nodeModel) {
        throw new IndexOutOfBoundsException("Load GTransformer has no views");
    }

    @Override
    protected boolean hasDialog() {
        return true;
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new LoadGTransformerNodeDialog();
    }
}
