package org.knime.core.node.defaultnodesettings;

import java.awt.Dimension;

import javax.swing.JLabel;
import javax.swing.JTextField;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

/** Stand-in for KNIME's {@code DialogComponentString} (compile/test only, never shipped): a label and text field. */
public final class DialogComponentString extends DialogComponent {

    private final JLabel m_label;

    private final JTextField m_field;

    private final boolean m_disallowEmpty;

    private boolean m_updating;

    /**
     * @param stringModel the model
     * @param label the label (may be null)
     */
    public DialogComponentString(final SettingsModelString stringModel, final String label) {
        this(stringModel, label, false, 15);
    }

    /**
     * @param stringModel the model
     * @param label the label (may be null)
     * @param disallowEmptyString whether an empty value is rejected on save
     * @param compWidth the field width in columns
     */
    public DialogComponentString(final SettingsModelString stringModel, final String label,
        final boolean disallowEmptyString, final int compWidth) {
        super(stringModel);
        m_disallowEmpty = disallowEmptyString;
        m_label = new JLabel(label == null ? "" : label);
        m_field = new JTextField(compWidth);
        getComponentPanel().add(m_label);
        getComponentPanel().add(m_field);
        m_field.getDocument().addDocumentListener(new DocumentListener() {
            @Override
            public void insertUpdate(final DocumentEvent e) {
                commit();
            }

            @Override
            public void removeUpdate(final DocumentEvent e) {
                commit();
            }

            @Override
            public void changedUpdate(final DocumentEvent e) {
                commit();
            }
        });
        getModel().prependChangeListener(e -> updateComponent());
        updateComponent();
    }

    private void commit() {
        if (!m_updating) {
            m_updating = true;
            try {
                ((SettingsModelString)getModel()).setStringValue(m_field.getText());
            } finally {
                m_updating = false;
            }
        }
    }

    @Override
    protected void updateComponent() {
        if (m_updating) {
            return;
        }
        m_updating = true;
        try {
            String v = ((SettingsModelString)getModel()).getStringValue();
            if (!m_field.getText().equals(v == null ? "" : v)) {
                m_field.setText(v == null ? "" : v);
            }
            clearError(m_field);
            setEnabledComponents(getModel().isEnabled());
        } finally {
            m_updating = false;
        }
    }

    @Override
    protected void validateSettingsBeforeSave() throws InvalidSettingsException {
        commit();
        if (m_disallowEmpty && m_field.getText().trim().isEmpty()) {
            showError(m_field);
            throw new InvalidSettingsException("The text field must not be empty.");
        }
    }

    @Override
    protected void checkConfigurabilityBeforeLoad(final PortObjectSpec[] specs) throws NotConfigurableException {
        // works with any input
    }

    @Override
    protected void setEnabledComponents(final boolean enabled) {
        m_field.setEnabled(enabled);
        m_label.setEnabled(enabled);
    }

    /**
     * @param width preferred width of the field
     * @param height preferred height of the field
     */
    public void setSizeComponents(final int width, final int height) {
        m_field.setPreferredSize(new Dimension(width, height));
    }

    @Override
    public void setToolTipText(final String text) {
        m_field.setToolTipText(text);
        m_label.setToolTipText(text);
    }
}
