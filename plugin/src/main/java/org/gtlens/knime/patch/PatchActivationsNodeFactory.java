package org.gtlens.knime.patch;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeView;

/** Factory of the Patch Activations node (description in PatchActivationsNodeFactory.xml). */
public final class PatchActivationsNodeFactory extends NodeFactory<PatchActivationsNodeModel> {

    @Override
    public PatchActivationsNodeModel createNodeModel() {
        return new PatchActivationsNodeModel();
    }

    @Override
    protected int getNrNodeViews() {
        return 0;
    }

    @Override
    public NodeView<PatchActivationsNodeModel> createNodeView(final int viewIndex, final PatchActivationsNodeModel nodeModel) {
        throw new IndexOutOfBoundsException("Patch Activations has no views");
    }

    @Override
    protected boolean hasDialog() {
        return true;
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new PatchActivationsNodeDialog();
    }
}
