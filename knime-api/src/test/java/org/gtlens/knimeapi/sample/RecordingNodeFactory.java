package org.gtlens.knimeapi.sample;

import java.util.ArrayList;
import java.util.List;

import javax.swing.JLabel;
import javax.swing.SwingUtilities;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.NodeView;
import org.knime.core.node.port.PortObjectSpec;

/** Factory of {@link RecordingNodeModel}, with a view and a dialog that record their calls. */
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
        return true;
    }

    @Override
    @SuppressWarnings("removal")
    protected NodeDialogPane createNodeDialogPane() {
        return new RecordingDialog();
    }

    /** Records the specs it is loaded with and the thread of each call. */
    public static final class RecordingDialog extends NodeDialogPane {

        private final List<String> m_events = new ArrayList<>();

        private PortObjectSpec[] m_specs;

        RecordingDialog() {
            addTab("Options", new JLabel());
        }

        /** @return the calls, with "@edt" for those on the event dispatch thread */
        public List<String> events() {
            return m_events;
        }

        /** @return the specs of the last load */
        public PortObjectSpec[] specs() {
            return m_specs;
        }

        private void record(final String event) {
            m_events.add(event + (SwingUtilities.isEventDispatchThread() ? " @edt" : ""));
        }

        @Override
        protected void loadSettingsFrom(final NodeSettingsRO settings, final PortObjectSpec[] specs) {
            record("loadSettingsFrom");
            m_specs = specs.clone();
        }

        @Override
        public void onOpen() {
            record("onOpen");
        }

        @Override
        protected void saveSettingsTo(final NodeSettingsWO settings) {
            record("saveSettingsTo");
            settings.addString("label", "saved");
        }
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
