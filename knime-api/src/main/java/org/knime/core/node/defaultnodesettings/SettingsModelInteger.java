package org.knime.core.node.defaultnodesettings;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

/**
 * Stand-in for KNIME's {@code SettingsModelInteger} (compile/test only, never shipped): an int setting, saved with
 * {@code addInt(configName, value)}.
 */
public class SettingsModelInteger extends SettingsModelNumber implements SettingsModelFlowVariableCompatible {

    private final String m_configName;

    private int m_value;

    /**
     * @param configName the key, not empty
     * @param defaultValue the initial value
     */
    public SettingsModelInteger(final String configName, final int defaultValue) {
        if (configName == null || configName.isEmpty()) {
            throw new IllegalArgumentException("A settings model needs a non-empty config name");
        }
        m_configName = configName;
        m_value = defaultValue;
    }

    @Override
    protected SettingsModelInteger createClone() {
        SettingsModelInteger c = new SettingsModelInteger(m_configName, m_value);
        c.setEnabled(isEnabled());
        return c;
    }

    @Override
    protected String getModelTypeID() {
        return "SMID_integer";
    }

    @Override
    protected String getConfigName() {
        return m_configName;
    }

    /** @param newValue the new value (listeners are notified if it differs) */
    public void setIntValue(final int newValue) {
        if (m_value != newValue) {
            m_value = newValue;
            notifyChangeListeners();
        }
    }

    /** @return the value */
    public int getIntValue() {
        return m_value;
    }

    @Override
    Number numberValue() {
        return m_value;
    }

    @Override
    void setNumberValue(final Number value) {
        setIntValue(value.intValue());
    }

    @Override
    protected void loadSettingsForDialog(final NodeSettingsRO settings, final PortObjectSpec[] specs)
        throws NotConfigurableException {
        try {
            int v = settings.getInt(m_configName, m_value);
            validateValue(v);
            setIntValue(v);
        } catch (InvalidSettingsException | IllegalArgumentException e) {
            // keep the current value
        }
    }

    @Override
    protected void saveSettingsForDialog(final NodeSettingsWO settings) throws InvalidSettingsException {
        saveSettingsForModel(settings);
    }

    @Override
    protected void validateSettingsForModel(final NodeSettingsRO settings) throws InvalidSettingsException {
        validateValue(settings.getInt(m_configName));
    }

    /**
     * @param value a value
     * @throws InvalidSettingsException if it is not allowed (any value is, by default)
     */
    protected void validateValue(final int value) throws InvalidSettingsException {
        // any int
    }

    @Override
    protected void loadSettingsForModel(final NodeSettingsRO settings) throws InvalidSettingsException {
        int v = settings.getInt(m_configName);
        validateValue(v);
        setIntValue(v);
    }

    @Override
    protected void saveSettingsForModel(final NodeSettingsWO settings) {
        settings.addInt(m_configName, m_value);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + " ('" + m_configName + "')";
    }

    @Override
    public String getKey() {
        return m_configName;
    }
}
