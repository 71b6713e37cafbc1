package org.knime.core.node.defaultnodesettings;

import java.awt.Color;

import javax.swing.JPanel;
import javax.swing.JTextField;

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
     * @param portID an input index
     * @return the spec given at the last load, or null
     */
    protected final PortObjectSpec getLastTableSpec(final int portID) {
        if (m_lastSpecs == null || portID < 0 || portID >= m_lastSpecs.length) {
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
        m_lastSpecs = specs == null ? null : specs.clone();
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
     * @param enabled whether the widgets are enabled
     * @deprecated enable or disable the model instead
     */
    @Deprecated
    public final void setEnabled(final boolean enabled) {
        setEnabledComponents(enabled);
    }

    protected abstract void setEnabledComponents(boolean enabled);

    /** @param field marked as erroneous (red background) */
    protected void showError(final JTextField field) {
        field.setBackground(Color.RED);
    }

    /** @param field restored to normal */
    protected void clearError(final JTextField field) {
        field.setBackground(Color.WHITE);
    }

    public abstract void setToolTipText(String text);
}
