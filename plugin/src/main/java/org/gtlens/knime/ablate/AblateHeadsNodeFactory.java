package org.gtlens.knime.ablate;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeView;

/** Factory of the Ablate Heads node (description in AblateHeadsNodeFactory.xml). */
public final class AblateHeadsNodeFactory extends NodeFactory<AblateHeadsNodeModel> {

    @Override
    public AblateHeadsNodeModel createNodeModel() {
        return new AblateHeadsNodeModel();
    }

    @Override
    protected int getNrNodeViews() {
        return 0;
    }

    @Override
    public NodeView<AblateHeadsNodeModel> createNodeView(final int viewIndex, final AblateHeadsNodeModel nodeModel) {
        throw new IndexOutOfBoundsException("Ablate Heads has no views");
    }

    @Override
    protected boolean hasDialog() {
        return true;
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new AblateHeadsNodeDialog();
    }
}
