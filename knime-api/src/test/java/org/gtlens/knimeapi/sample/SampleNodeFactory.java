package org.gtlens.knimeapi.sample;

import javax.swing.JLabel;

import org.knime.core.data.StringValue;
import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeView;
import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentBoolean;
import org.knime.core.node.defaultnodesettings.DialogComponentColumnNameSelection;
import org.knime.core.node.defaultnodesettings.DialogComponentFileChooser;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.DialogComponentStringSelection;

/** A plugin-style factory with a default dialog and one view. */
public final class SampleNodeFactory extends NodeFactory<SampleNodeModel> {

    @Override
    public SampleNodeModel createNodeModel() {
        return new SampleNodeModel();
    }

    @Override
    protected int getNrNodeViews() {
        return 1;
    }

    @Override
    public NodeView<SampleNodeModel> createNodeView(final int viewIndex, final SampleNodeModel nodeModel) {
        return new NodeView<SampleNodeModel>(nodeModel) {
            private final JLabel m_label = new JLabel();

            {
                setComponent(m_label);
            }

            @Override
            protected void modelChanged() {
                m_label.setText("factor=" + getNodeModel().models().factor().getIntValue());
            }

            @Override
            protected void onOpen() {
                m_label.setName("opened");
            }

            @Override
            protected void onClose() {
                m_label.setName("closed");
            }
        };
    }

    @Override
    protected boolean hasDialog() {
        return true;
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        SettingsModelsHolder s = SampleNodeModel.settings();
        DefaultNodeSettingsPane p = new DefaultNodeSettingsPane();
        p.createNewGroup("Input");
        p.addDialogComponent(new DialogComponentColumnNameSelection(s.column(), "Text column", 1, StringValue.class));
        p.closeCurrentGroup();
        p.addDialogComponent(new DialogComponentNumber(s.factor(), "Factor", 1));
        p.addDialogComponent(new DialogComponentNumber(s.gamma(), "Gamma", 0.1));
        p.addDialogComponent(new DialogComponentBoolean(s.codes(), "Append codes"));
        p.createNewTab("Advanced");
        p.addDialogComponent(new DialogComponentStringSelection(s.mode(), "Mode", "fast", "exact"));
        p.addDialogComponent(new DialogComponentFileChooser(s.path(), "sample-history", ".onnx"));
        return p;
    }
}
