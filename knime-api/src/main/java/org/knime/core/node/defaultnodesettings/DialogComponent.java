package org.knime.core.node.defaultnodesettings;

import java.awt.Color;

import javax.swing.JPanel;
import javax.swing.JTextField;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

/**
 * Stand-in for KNIME's {@code DialogComponent} (compile/test only, never shipped): a Swing component editing one
 * {@link SettingsModel}. Real Swing components are used; they can be created headless (nothing is shown).
 * Loading: check the specs, let the model load its dialog value, update the component. Saving: validate the
 * component's input (which commits it into the model), then let the model save.
 */
public abstract class DialogComponent {

    /** The default text colour of a text field. */
    protected static final Color DEFAULT_FG = new JTextField().getForeground();

    /** The default background of a text field. */
    protected static final Color DEFAULT_BG = new JTextField().getBackground();

    private final SettingsModel m_model;

    private final JPanel m_panel = new JPanel();

    private PortObjectSpec[] m_lastSpecs;

    /** @param model the model edited by this component */
    public DialogComponent(final SettingsModel model) {
        if (model == null) {
            throw new NullPointerException("SettingsModel must not be null");
        }
        m_model = model;
        // as in KNIME, the base class does not follow the model: each component registers its own listener
        // (the stand-in's components below do, with prependChangeListener), so a plugin's own component that does
        // not shows a stale value or enabled state when the model changes
    }

    /** @return the panel holding the component's widgets */
    public JPanel getComponentPanel() {
        return m_panel;
    }

    /** @return the edited model */
    public final SettingsModel getModel() {
        return m_model;
    }

    /**
     * @param portID an input index (an index beyond the last specs fails, as in KNIME)
     * @return the spec given at the last load, or null before the first load
     */
    protected final PortObjectSpec getLastTableSpec(final int portID) {
        if (m_lastSpecs == null) {
            return null;
        }
        return m_lastSpecs[portID];
    }

    /** @return the specs given at the last load, or null */
    protected final PortObjectSpec[] getLastTableSpecs() {
        return m_lastSpecs;
    }

    /**
     * @param settings the node's settings
     * @param specs the input specs
     * @throws NotConfigurableException if the component cannot work with the specs
     */
    public final void loadSettingsFrom(final NodeSettingsRO settings, final PortObjectSpec[] specs)
        throws NotConfigurableException {
        m_lastSpecs = specs;
        checkConfigurabilityBeforeLoad(specs);
        m_model.dlgLoadSettingsFrom(settings, specs);
        updateComponent();
    }

    protected abstract void updateComponent();

    /**
     * @param settings where to save
     * @throws InvalidSettingsException if the input is invalid
     */
    public final void saveSettingsTo(final NodeSettingsWO settings) throws InvalidSettingsException {
        try {
            validateSettingsBeforeSave();
        } catch (InvalidSettingsException e) {
            if (m_model.isEnabled()) {
                throw e; // as in KNIME, a disabled component may hold an invalid value
            }
        }
        m_model.dlgSaveSettingsTo(settings);
    }

    protected abstract void validateSettingsBeforeSave() throws InvalidSettingsException;

    protected abstract void checkConfigurabilityBeforeLoad(PortObjectSpec[] specs) throws NotConfigurableException;

    /**
     * Enables or disables the model, the widgets and the panel (as KNIME's does).
     *
     * @param enabled whether the setting is enabled
     * @deprecated enable or disable the model instead
     */
    @Deprecated
    public final void setEnabled(final boolean enabled) {
        m_model.setEnabled(enabled);
        setEnabledComponents(enabled);
        getComponentPanel().setEnabled(enabled);
    }

    protected abstract void setEnabledComponents(boolean enabled);

    /**
     * Marks a field as erroneous, as KNIME does: nothing while the model is disabled; a red background when the field
     * is empty, else red text; back to normal with the next edit.
     *
     * @param field the field
     */
    protected void showError(final JTextField field) {
        if (!m_model.isEnabled()) {
            return;
        }
        if (field.getText().isEmpty()) {
            field.setBackground(Color.RED);
        } else {
            field.setForeground(Color.RED);
        }
        field.getDocument().addDocumentListener(new DocumentListener() {
            @Override
            public void insertUpdate(final DocumentEvent e) {
                restore();
            }

            @Override
            public void removeUpdate(final DocumentEvent e) {
                restore();
            }

            @Override
            public void changedUpdate(final DocumentEvent e) {
                restore();
            }

            private void restore() {
                clearError(field);
                field.getDocument().removeDocumentListener(this);
            }
        });
    }

    /** @param field restored to the default text field colours */
    protected void clearError(final JTextField field) {
        field.setForeground(DEFAULT_FG);
        field.setBackground(DEFAULT_BG);
    }


    public abstract void setToolTipText(String text);
}
