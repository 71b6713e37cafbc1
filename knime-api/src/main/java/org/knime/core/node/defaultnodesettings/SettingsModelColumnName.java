package org.knime.core.node.defaultnodesettings;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

/**
 * Stand-in for KNIME's {@code SettingsModelColumnName} (compile/test only, never shipped): a column name or "use the
 * row ID", saved as a sub-config {@code configName} with {@code columnName} and {@code useRowID}.
 */
public class SettingsModelColumnName extends SettingsModelString {

    private static final String CFG_COLUMN = "columnName";

    private static final String CFG_ROWID = "useRowID";

    private boolean m_useRowID;

    /**
     * @param configName the key, not empty
     * @param defaultValue the initial column name, may be null
     */
    public SettingsModelColumnName(final String configName, final String defaultValue) {
        super(configName, defaultValue);
    }

    @Override
    protected SettingsModelColumnName createClone() {
        SettingsModelColumnName c = new SettingsModelColumnName(getConfigName(), getStringValue());
        c.m_useRowID = m_useRowID;
        c.setEnabled(isEnabled());
        return c;
    }

    @Override
    protected String getConfigName() {
        return super.getConfigName();
    }

    /**
     * @param columnName the column (ignored if useRowID)
     * @param useRowID whether the row ID is selected instead of a column
     */
    public void setSelection(final String columnName, final boolean useRowID) {
        boolean changed = m_useRowID != useRowID;
        m_useRowID = useRowID;
        String v = useRowID ? null : columnName;
        if (changed && java.util.Objects.equals(getStringValue(), v)) {
            notifyChangeListeners();
        }
        setStringValue(v);
    }

    /** @return whether the row ID is selected */
    public boolean useRowID() {
        return m_useRowID;
    }

    /** @return the selected column, null if the row ID is selected */
    public String getColumnName() {
        return m_useRowID ? null : getStringValue();
    }

    @Override
    protected void validateSettingsForModel(final NodeSettingsRO settings) throws InvalidSettingsException {
        NodeSettingsRO s = settings.getNodeSettings(getConfigName());
        s.getString(CFG_COLUMN);
        s.getBoolean(CFG_ROWID);
    }

    @Override
    protected void saveSettingsForDialog(final NodeSettingsWO settings) throws InvalidSettingsException {
        saveSettingsForModel(settings);
    }

    @Override
    protected void saveSettingsForModel(final NodeSettingsWO settings) {
        NodeSettingsWO s = settings.addNodeSettings(getConfigName());
        s.addString(CFG_COLUMN, getColumnName());
        s.addBoolean(CFG_ROWID, m_useRowID);
    }

    @Override
    protected void loadSettingsForDialog(final NodeSettingsRO settings, final PortObjectSpec[] specs)
        throws NotConfigurableException {
        try {
            loadSettingsForModel(settings);
        } catch (InvalidSettingsException e) {
            // keep the current value
        }
    }

    @Override
    protected void loadSettingsForModel(final NodeSettingsRO settings) throws InvalidSettingsException {
        NodeSettingsRO s = settings.getNodeSettings(getConfigName());
        setSelection(s.getString(CFG_COLUMN), s.getBoolean(CFG_ROWID));
    }
}
