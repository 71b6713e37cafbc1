package org.knime.core.node.defaultnodesettings;

import java.util.Objects;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

/**
 * Stand-in for KNIME's {@code SettingsModelString} (compile/test only, never shipped): a string setting, saved with
 * {@code addString(configName, value)}.
 */
public class SettingsModelString extends SettingsModel implements SettingsModelFlowVariableCompatible {

    private final String m_configName;

    private String m_value;

    /**
     * @param configName the key, not empty
     * @param defaultValue the initial value, may be null
     */
    public SettingsModelString(final String configName, final String defaultValue) {
        if (configName == null || configName.isEmpty()) {
            throw new IllegalArgumentException("A settings model needs a non-empty config name");
        }
        m_configName = configName;
        m_value = defaultValue;
    }

    @Override
    protected SettingsModelString createClone() {
        SettingsModelString c = new SettingsModelString(m_configName, m_value);
        c.setEnabled(isEnabled());
        return c;
    }

    @Override
    protected String getModelTypeID() {
        return "SMID_string";
    }

    @Override
    protected String getConfigName() {
        return m_configName;
    }

    @Override
    protected void loadSettingsForDialog(final NodeSettingsRO settings, final PortObjectSpec[] specs)
        throws NotConfigurableException {
        try {
            setStringValue(settings.getString(m_configName, m_value)); // no value: keep the current one
        } catch (IllegalArgumentException e) {
            // a subclass refusing the value: keep the current one, as in KNIME
        }
    }

    @Override
    protected void saveSettingsForDialog(final NodeSettingsWO settings) throws InvalidSettingsException {
        settings.addString(m_configName, m_value);
    }

    /** @param newValue the new value (listeners are notified if it differs) */
    public void setStringValue(final String newValue) {
        if (!Objects.equals(m_value, newValue)) {
            m_value = newValue;
            notifyChangeListeners();
        }
    }

    /** @return the value */
    public String getStringValue() {
        return m_value;
    }

    /** @return the value with Java escapes (\n, \t, \\, ...) resolved */
    public String getJavaUnescapedStringValue() {
        if (m_value == null) {
            return null;
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < m_value.length(); i++) {
            char c = m_value.charAt(i);
            if (c == '\\' && i + 1 < m_value.length()) {
                char n = m_value.charAt(++i);
                switch (n) {
                    case 'n' -> b.append('\n');
                    case 't' -> b.append('\t');
                    case 'r' -> b.append('\r');
                    case 'b' -> b.append('\b');
                    case 'f' -> b.append('\f');
                    case '0' -> b.append('\0');
                    default -> b.append(n);
                }
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    @Override
    protected void validateSettingsForModel(final NodeSettingsRO settings) throws InvalidSettingsException {
        settings.getString(m_configName);
    }

    @Override
    protected void loadSettingsForModel(final NodeSettingsRO settings) throws InvalidSettingsException {
        try {
            setStringValue(settings.getString(m_configName));
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException(e.getMessage());
        }
    }

    @Override
    protected void saveSettingsForModel(final NodeSettingsWO settings) {
        settings.addString(m_configName, m_value);
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
