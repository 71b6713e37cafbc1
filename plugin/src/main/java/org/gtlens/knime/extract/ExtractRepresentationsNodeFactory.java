package org.gtlens.knime.extract;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeView;

/** Factory of the Extract Representations node (description in ExtractRepresentationsNodeFactory.xml). */
public final class ExtractRepresentationsNodeFactory extends NodeFactory<ExtractRepresentationsNodeModel> {

    @Override
    public ExtractRepresentationsNodeModel createNodeModel() {
        return new ExtractRepresentationsNodeModel();
    }

    @Override
    protected int getNrNodeViews() {
        return 0;
    }

    @Override
    public NodeView<ExtractRepresentationsNodeModel> createNodeView(final int viewIndex,
        final ExtractRepresentationsNodeModel nodeModel) {
        throw new IndexOutOfBoundsException("Extract Representations has no views");
    }

    @Override
    protected boolean hasDialog() {
        return true;
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new ExtractRepresentationsNodeDialog();
    }
}
