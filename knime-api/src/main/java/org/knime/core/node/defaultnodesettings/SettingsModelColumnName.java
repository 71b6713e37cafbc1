package org.knime.core.node.defaultnodesettings;

import java.util.Objects;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

/**
 * Stand-in for KNIME's {@code SettingsModelColumnName} (compile/test only, never shipped): a column name or "use the
 * row ID". As knime/knime-core {@code org.knime.core/src/eclipse/org/knime/core/node/defaultnodesettings/
 * SettingsModelColumnName.java} ({@code analytics-platform/5.5.3}, unchanged on master): saved as a sub-config
 * {@code configName} holding {@code useRowID} and {@code columnName}; the column name is kept when the row ID is
 * chosen ({@link #getColumnName()} returns it all the same); its string part is a {@link SettingsModelString} keyed
 * {@code columnName} (so {@link #getKey()} is {@code "columnName"}); listeners are told once per change of either.
 */
public class SettingsModelColumnName extends SettingsModelString {

    private static final String CFG_COLUMN = "columnName";

    private static final String CFG_ROWID = "useRowID";

    private final String m_configName;

    private boolean m_useRowID;

    /**
     * @param configName the key, not empty
     * @param defaultValue the initial column name, may be null
     */
    public SettingsModelColumnName(final String configName, final String defaultValue) {
        super(CFG_COLUMN, defaultValue);
        if (configName == null || configName.isEmpty()) {
            throw new IllegalArgumentException("The configName must be a non-empty string");
        }
        m_configName = configName;
    }

    private SettingsModelColumnName(final String configName, final String value, final boolean useRowID) {
        super(CFG_COLUMN, value);
        m_configName = configName;
        m_useRowID = useRowID;
    }

    @Override
    protected SettingsModelColumnName createClone() {
        return new SettingsModelColumnName(m_configName, getStringValue(), m_useRowID);
    }

    @Override
    protected String getConfigName() {
        return m_configName;
    }

    /**
     * @param columnName the column (kept also when the row ID is chosen)
     * @param useRowID whether the row ID is selected instead of a column
     */
    public void setSelection(final String columnName, final boolean useRowID) {
        boolean rowIdChanged = m_useRowID != useRowID;
        m_useRowID = useRowID;
        boolean nameChanged = !Objects.equals(getStringValue(), columnName);
        setStringValue(columnName);
        if (rowIdChanged && !nameChanged) {
            notifyChangeListeners();
        }
    }

    /** @return whether the row ID is selected */
    public boolean useRowID() {
        return m_useRowID;
    }

    /** @return the column name (also when the row ID is selected) */
    public String getColumnName() {
        return getStringValue();
    }

    @Override
    protected void validateSettingsForModel(final NodeSettingsRO settings) throws InvalidSettingsException {
        NodeSettingsRO sub = settings.getNodeSettings(m_configName);
        sub.getBoolean(CFG_ROWID);
        super.validateSettingsForModel(sub);
    }

    @Override
    protected void saveSettingsForDialog(final NodeSettingsWO settings) throws InvalidSettingsException {
        NodeSettingsWO sub = settings.addNodeSettings(m_configName);
        sub.addBoolean(CFG_ROWID, m_useRowID);
        super.saveSettingsForDialog(sub);
    }

    @Override
    protected void saveSettingsForModel(final NodeSettingsWO settings) {
        NodeSettingsWO sub = settings.addNodeSettings(m_configName);
        sub.addBoolean(CFG_ROWID, m_useRowID);
        super.saveSettingsForModel(sub);
    }

    /** Loads both parts; settings without them keep the current value (a dialog loads anything). */
    @Override
    protected void loadSettingsForDialog(final NodeSettingsRO settings, final PortObjectSpec[] specs)
        throws NotConfigurableException {
        boolean before = m_useRowID;
        try {
            NodeSettingsRO sub = settings.getNodeSettings(m_configName);
            boolean useRowId = sub.getBoolean(CFG_ROWID);
            loadBoth(useRowId, () -> super.loadSettingsForDialog(sub, specs));
        } catch (InvalidSettingsException e) {
            m_useRowID = before;
        }
    }

    @Override
    protected void loadSettingsForModel(final NodeSettingsRO settings) throws InvalidSettingsException {
        NodeSettingsRO sub = settings.getNodeSettings(m_configName);
        boolean useRowId = sub.getBoolean(CFG_ROWID);
        loadBoth(useRowId, () -> super.loadSettingsForModel(sub));
    }

    /** Loading the string part without the row ID flag's change being lost to listeners. */
    private interface StringLoad {
        void load() throws InvalidSettingsException, NotConfigurableException;
    }

    private void loadBoth(final boolean useRowId, final StringLoad string) throws InvalidSettingsException {
        boolean rowIdChanged = m_useRowID != useRowId;
        m_useRowID = useRowId;
        String before = getStringValue();
        try {
            string.load();
        } catch (NotConfigurableException e) {
            throw new IllegalStateException(e); // SettingsModelString#loadSettingsForDialog does not throw it
        }
        if (rowIdChanged && Objects.equals(before, getStringValue())) {
            notifyChangeListeners();
        }
    }
}
