package org.gtlens.knime.load;

import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.io.File;
import javax.swing.BorderFactory;
import javax.swing.BoxLayout;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JTextField;
import javax.swing.filechooser.FileNameExtensionFilter;

import org.gtlens.Keyed;
import org.gtlens.runtime.BuiltInModel;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.knime.core.node.port.PortObjectSpec;

/**
 * Dialog of Load GTransformer: one text field for the model file with a "Browse..." button, and the built-in model
 * an empty field means. KNIME's standard file chooser refuses an empty location, hence this small pane.
 */
final class LoadGTransformerNodeDialog extends NodeDialogPane {

    static final String TAB = "Options";

    private final SettingsModelString m_file = LoadGTransformerNodeModel.createModelFileModel();

    private final SettingsModelString m_builtIn = LoadGTransformerNodeModel.createBuiltInModel();

    private final JTextField m_field = new JTextField(40);

    private final JComboBox<String> m_models = new JComboBox<>(new String[]{
        "Toy example (digits, 2 blocks, 3 heads)", "Induction heads (48 tokens a-z A-V, 2 blocks, 4 heads)"});

    LoadGTransformerNodeDialog() {
        JPanel row = new JPanel(new BorderLayout(6, 0));
        row.add(new JLabel("Model file:"), BorderLayout.WEST);
        row.add(m_field, BorderLayout.CENTER);
        JButton browse = new JButton("Browse...");
        browse.addActionListener(e -> browse());
        JButton builtIn = new JButton("Use a built-in model");
        builtIn.addActionListener(e -> m_field.setText(""));
        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.LEFT, 6, 0));
        buttons.add(browse);
        buttons.add(builtIn);
        row.add(buttons, BorderLayout.EAST);
        JPanel panel = new JPanel();
        panel.setLayout(new BoxLayout(panel, BoxLayout.Y_AXIS));
        panel.setBorder(BorderFactory.createTitledBorder("GTransformer ONNX model"));
        panel.add(row);
        JPanel models = new JPanel(new FlowLayout(FlowLayout.LEFT, 6, 0));
        models.add(new JLabel("Built-in model (when the field is empty):"));
        models.add(m_models);
        panel.add(models);
        addTab(TAB, panel);
    }

    private void browse() {
        JFileChooser chooser = new JFileChooser(m_field.getText().isBlank() ? null : new File(m_field.getText()));
        chooser.setFileFilter(new FileNameExtensionFilter("ONNX models (*.onnx)", "onnx"));
        if (chooser.showOpenDialog(getPanel()) == JFileChooser.APPROVE_OPTION) {
            m_field.setText(chooser.getSelectedFile().getAbsolutePath());
        }
    }

    /** @return the text field (for tests) */
    JTextField field() {
        return m_field;
    }

    @Override
    protected void loadSettingsFrom(final NodeSettingsRO settings, final PortObjectSpec[] specs)
        throws NotConfigurableException {
        try {
            m_file.loadSettingsFrom(settings);
        } catch (InvalidSettingsException e) {
            m_file.setStringValue("");
        }
        m_field.setText(m_file.getStringValue());
        try {
            m_builtIn.loadSettingsFrom(settings);
        } catch (InvalidSettingsException e) {
            m_builtIn.setStringValue(BuiltInModel.TOY.key()); // a workflow from before the setting used the toy
        }
        BuiltInModel chosen = Keyed.find(BuiltInModel.class, m_builtIn.getStringValue());
        m_models.setSelectedIndex((chosen == null ? BuiltInModel.TOY : chosen).ordinal());
    }

    /** @return the built-in model picker (for tests) */
    JComboBox<String> builtInModels() {
        return m_models;
    }

    @Override
    protected void saveSettingsTo(final NodeSettingsWO settings) throws InvalidSettingsException {
        m_file.setStringValue(m_field.getText().trim());
        m_file.saveSettingsTo(settings);
        m_builtIn.setStringValue(BuiltInModel.values()[m_models.getSelectedIndex()].key());
        m_builtIn.saveSettingsTo(settings);
    }
}
