package org.knime.core.node.defaultnodesettings;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

/**
 * Stand-in for KNIME's {@code SettingsModelDouble} (compile/test only, never shipped): a double setting, saved with
 * {@code addDouble(configName, value)}.
 */
public class SettingsModelDouble extends SettingsModelNumber implements SettingsModelFlowVariableCompatible {

    private final String m_configName;

    private double m_value;

    /**
     * @param configName the key, not empty
     * @param defaultValue the initial value
     */
    public SettingsModelDouble(final String configName, final double defaultValue) {
        if (configName == null || configName.isEmpty()) {
            throw new IllegalArgumentException("A settings model needs a non-empty config name");
        }
        m_configName = configName;
        m_value = defaultValue;
    }

    @Override
    protected SettingsModelDouble createClone() {
        SettingsModelDouble c = new SettingsModelDouble(m_configName, m_value);
        c.setEnabled(isEnabled());
        return c;
    }

    @Override
    protected String getModelTypeID() {
        return "SMID_double";
    }

    @Override
    protected String getConfigName() {
        return m_configName;
    }

    /** @param newValue the new value (listeners are notified if it differs) */
    public void setDoubleValue(final double newValue) {
        if (Double.compare(m_value, newValue) != 0) {
            m_value = newValue;
            notifyChangeListeners();
        }
    }

    /** @return the value */
    public double getDoubleValue() {
        return m_value;
    }

    @Override
    Number numberValue() {
        return m_value;
    }

    @Override
    void setNumberValue(final Number value) {
        setDoubleValue(value.doubleValue());
    }

    @Override
    protected void loadSettingsForDialog(final NodeSettingsRO settings, final PortObjectSpec[] specs)
        throws NotConfigurableException {
        try {
            double v = settings.getDouble(m_configName, m_value);
            validateValue(v);
            setDoubleValue(v);
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
        validateValue(settings.getDouble(m_configName));
    }

    /**
     * @param value a value
     * @throws InvalidSettingsException if it is not allowed (any value is, by default)
     */
    protected void validateValue(final double value) throws InvalidSettingsException {
        // any double
    }

    @Override
    protected void loadSettingsForModel(final NodeSettingsRO settings) throws InvalidSettingsException {
        double v = settings.getDouble(m_configName);
        validateValue(v);
        setDoubleValue(v);
    }

    @Override
    protected void saveSettingsForModel(final NodeSettingsWO settings) {
        settings.addDouble(m_configName, m_value);
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
