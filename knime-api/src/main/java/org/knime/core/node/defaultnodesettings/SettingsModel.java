package org.knime.core.node.defaultnodesettings;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.swing.event.ChangeEvent;
import javax.swing.event.ChangeListener;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

/**
 * Stand-in for KNIME's {@code SettingsModel} (compile/test only, never shipped): one node setting stored under a
 * config name, shared by the node model (save/validate/load) and a {@link DialogComponent}.
 *
 * <p>As in KNIME, saving writes a sub-config {@code <configName>_Internals} with the model's type ID and its enabled
 * flag next to the value, and loading (node model or dialog) restores the flag from it; settings without it (saved
 * before a model existed) leave the flag as it is. A disabled model's invalid value is not an error on load, on
 * validate or when its dialog component is saved.
 */
public abstract class SettingsModel {

    /** Suffix of the sub-config holding the model's type ID and enabled flag (KNIME's value; not public here). */
    static final String INTERNALS_SUFFIX = "_Internals";

    private static final String MODEL_ID_KEY = "SettingsModelID";

    private static final String ENABLED_KEY = "EnabledStatus";

    private final List<ChangeListener> m_listeners = new CopyOnWriteArrayList<>();

    private boolean m_enabled = true;

    /** Default constructor. */
    public SettingsModel() {
    }

    /**
     * @param <T> the model class
     * @param settings settings holding a value for this model
     * @return a copy of this model holding the validated value from the settings
     * @throws InvalidSettingsException if the value is missing or invalid
     */
    public final <T extends SettingsModel> T createCloneWithValidatedValue(final NodeSettingsRO settings)
        throws InvalidSettingsException {
        T clone = createClone();
        SettingsModel c = clone;
        c.m_enabled = m_enabled;
        c.readInternals(settings);
        clone.loadSettingsForModel(settings);
        return clone;
    }

    protected abstract <T extends SettingsModel> T createClone();

    protected abstract String getModelTypeID();

    protected abstract String getConfigName();

    protected abstract void loadSettingsForDialog(NodeSettingsRO settings, PortObjectSpec[] specs)
        throws NotConfigurableException;

    protected abstract void saveSettingsForDialog(NodeSettingsWO settings) throws InvalidSettingsException;

    /** What a dialog component calls to load: the enabled flag when saved (never an error), then the value. */
    final void dlgLoadSettingsFrom(final NodeSettingsRO settings, final PortObjectSpec[] specs)
        throws NotConfigurableException {
        try {
            readInternals(settings);
        } catch (InvalidSettingsException e) {
            // a dialog loads anything, even empty settings; the flag stays as it is
        }
        loadSettingsForDialog(settings, specs);
    }

    /** What a dialog component calls to save: the flag, then the value (a disabled model's error is dropped). */
    final void dlgSaveSettingsTo(final NodeSettingsWO settings) throws InvalidSettingsException {
        writeInternals(settings);
        try {
            saveSettingsForDialog(settings);
        } catch (InvalidSettingsException e) {
            if (m_enabled) {
                throw e;
            }
        }
    }

    private void readInternals(final NodeSettingsRO settings) throws InvalidSettingsException {
        String key = getConfigName() + INTERNALS_SUFFIX;
        if (!settings.containsKey(key)) {
            return; // saved before this model existed, or by hand: keep the flag
        }
        var internals = settings.getConfig(key);
        internals.getString(MODEL_ID_KEY);
        m_enabled = internals.getBoolean(ENABLED_KEY);
    }

    private void writeInternals(final NodeSettingsWO settings) {
        var internals = settings.addConfig(getConfigName() + INTERNALS_SUFFIX);
        internals.addString(MODEL_ID_KEY, getModelTypeID());
        internals.addBoolean(ENABLED_KEY, m_enabled);
    }

    /** @param l notified when the value or the enabled state changes */
    public void addChangeListener(final ChangeListener l) {
        if (!m_listeners.contains(l)) {
            m_listeners.add(l);
        }
    }

    /** @param l notified before all other listeners */
    protected void prependChangeListener(final ChangeListener l) {
        if (!m_listeners.contains(l)) {
            m_listeners.add(0, l);
        }
    }

    /** @param l a listener to remove */
    public void removeChangeListener(final ChangeListener l) {
        m_listeners.remove(l);
    }

    /** Notifies all listeners. */
    protected void notifyChangeListeners() {
        ChangeEvent e = new ChangeEvent(this);
        for (ChangeListener l : m_listeners) {
            l.stateChanged(e);
        }
    }

    /** @param enabled whether the setting is enabled (its dialog component follows) */
    public void setEnabled(final boolean enabled) {
        if (m_enabled != enabled) {
            m_enabled = enabled;
            notifyChangeListeners();
        }
    }

    /** @return whether the setting is enabled */
    public boolean isEnabled() {
        return m_enabled;
    }

    /**
     * @param settings settings to check
     * @throws InvalidSettingsException if the value is missing or invalid
     */
    public final void validateSettings(final NodeSettingsRO settings) throws InvalidSettingsException {
        boolean before = m_enabled;
        readInternals(settings);
        boolean saved = m_enabled;
        m_enabled = before;
        if (saved) {
            validateSettingsForModel(settings); // a disabled setting may hold anything
        }
    }

    protected abstract void validateSettingsForModel(NodeSettingsRO settings) throws InvalidSettingsException;

    /**
     * @param settings settings to read the value from
     * @throws InvalidSettingsException if the value is missing or invalid
     */
    public final void loadSettingsFrom(final NodeSettingsRO settings) throws InvalidSettingsException {
        readInternals(settings);
        try {
            loadSettingsForModel(settings);
        } catch (InvalidSettingsException e) {
            if (m_enabled) {
                throw e;
            }
        }
    }

    protected abstract void loadSettingsForModel(NodeSettingsRO settings) throws InvalidSettingsException;

    /** @param settings where to save the value */
    public final void saveSettingsTo(final NodeSettingsWO settings) {
        writeInternals(settings);
        saveSettingsForModel(settings);
    }

    protected abstract void saveSettingsForModel(NodeSettingsWO settings);

    @Override
    public abstract String toString();
}
