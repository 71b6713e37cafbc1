package org.gtlens.knime.load;

import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.io.File;

import javax.swing.BorderFactory;
import javax.swing.BoxLayout;
import javax.swing.JButton;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JTextField;
import javax.swing.filechooser.FileNameExtensionFilter;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.knime.core.node.port.PortObjectSpec;

/**
 * Dialog of Load GTransformer: one text field for the model file (empty = built-in example model) with a
 * "Browse..." button. KNIME's standard file chooser refuses an empty location, hence this small pane.
 */
final class LoadGTransformerNodeDialog extends NodeDialogPane {

    static final String TAB = "Options";

    private final SettingsModelString m_file = LoadGTransformerNodeModel.createModelFileModel();

    private final JTextField m_field = new JTextField(40);

    LoadGTransformerNodeDialog() {
        JPanel row = new JPanel(new BorderLayout(6, 0));
        row.add(new JLabel("Model file:"), BorderLayout.WEST);
        row.add(m_field, BorderLayout.CENTER);
        JButton browse = new JButton("Browse...");
        browse.addActionListener(e -> browse());
        JButton builtIn = new JButton("Built-in example model");
        builtIn.addActionListener(e -> m_field.setText(""));
        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.LEFT, 6, 0));
        buttons.add(browse);
        buttons.add(builtIn);
        row.add(buttons, BorderLayout.EAST);
        JPanel panel = new JPanel();
        panel.setLayout(new BoxLayout(panel, BoxLayout.Y_AXIS));
        panel.setBorder(BorderFactory.createTitledBorder("GTransformer ONNX model"));
        panel.add(row);
        panel.add(new JLabel("Leave the field empty to use the built-in example model."));
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
    }

    @Override
    protected void saveSettingsTo(final NodeSettingsWO settings) throws InvalidSettingsException {
        m_file.setStringValue(m_field.getText().trim());
        m_file.saveSettingsTo(settings);
    }
}
