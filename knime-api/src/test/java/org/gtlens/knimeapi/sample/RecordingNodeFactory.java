package org.gtlens.knimeapi.sample;

import javax.swing.JLabel;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeView;

/** Factory of {@link RecordingNodeModel}, with a view that records its calls and no dialog. */
public final class RecordingNodeFactory extends NodeFactory<RecordingNodeModel> {

    @Override
    public RecordingNodeModel createNodeModel() {
        return new RecordingNodeModel();
    }

    @Override
    protected int getNrNodeViews() {
        return 1;
    }

    @Override
    @SuppressWarnings("removal")
    public NodeView<RecordingNodeModel> createNodeView(final int viewIndex, final RecordingNodeModel nodeModel) {
        return new RecordingView(nodeModel);
    }

    @Override
    @SuppressWarnings("removal")
    protected boolean hasDialog() {
        return false;
    }

    @Override
    @SuppressWarnings("removal")
    protected NodeDialogPane createNodeDialogPane() {
        return null;
    }

    /** Records onOpen, modelChanged (with the row count it sees and whether the view is open) and onClose. */
    public static final class RecordingView extends NodeView<RecordingNodeModel> {

        private final JLabel m_label = new JLabel();

        RecordingView(final RecordingNodeModel model) {
            super(model);
            setComponent(m_label);
        }

        /** @return the label the view shows when the node is executed */
        public JLabel label() {
            return m_label;
        }

        @Override
        protected void modelChanged() {
            getNodeModel().record("modelChanged rows=" + getNodeModel().rows() + " open=" + isOpen());
            m_label.setText("rows=" + getNodeModel().rows());
        }

        @Override
        protected void onOpen() {
            getNodeModel().record("onOpen open=" + isOpen());
        }

        @Override
        protected void onClose() {
            getNodeModel().record("onClose");
        }
    }
}
