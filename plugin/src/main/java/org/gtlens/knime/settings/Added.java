package org.gtlens.knime.settings;

import java.util.List;
import java.util.function.Consumer;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.defaultnodesettings.SettingsModel;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelInteger;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/**
 * One row of a node's migration table (as KNIME's own nodes keep them): a setting added after the node's first
 * settings, the value a workflow saved without its key gets (chosen so that such a workflow does what it did), and
 * the release that added it. A new node gets the setting model's own default instead.
 *
 * @param key the settings key
 * @param model the setting
 * @param whenAbsent sets the model to the value for a workflow without the key
 * @param absent that value, for messages and tests
 * @param since the release that added the setting
 */
public record Added(String key, SettingsModel model, Consumer<SettingsModel> whenAbsent, Object absent,
    String since) {

    /** A text setting. */
    public static Added of(final SettingsModelString model, final String absent, final String since) {
        return new Added(model.getKey(), model, m -> ((SettingsModelString)m).setStringValue(absent), absent, since);
    }

    /** A whole-number setting. */
    public static Added of(final SettingsModelInteger model, final int absent, final String since) {
        return new Added(model.getKey(), model, m -> ((SettingsModelInteger)m).setIntValue(absent), absent, since);
    }

    /** A yes/no setting. */
    public static Added of(final SettingsModelBoolean model, final boolean absent, final String since) {
        return new Added(model.getConfigName(), model, m -> ((SettingsModelBoolean)m).setBooleanValue(absent), absent,
            since);
    }

    /** Saves a node's first settings, then every setting of the table. */
    public static void save(final List<? extends SettingsModel> original, final List<Added> table,
        final NodeSettingsWO settings) {
        original.forEach(m -> m.saveSettingsTo(settings));
        save(table, settings);
    }

    /** Loads a node's first settings (each required), then each setting of the table or its value when absent. */
    public static void load(final List<? extends SettingsModel> original, final List<Added> table,
        final NodeSettingsRO settings) throws InvalidSettingsException {
        for (SettingsModel m : original) {
            m.loadSettingsFrom(settings);
        }
        load(table, settings);
    }

    /** Saves every setting of the table. */
    public static void save(final List<Added> table, final NodeSettingsWO settings) {
        table.forEach(a -> a.model().saveSettingsTo(settings));
    }

    /** Validates the settings present; an absent key is no error. */
    public static void validate(final List<Added> table, final NodeSettingsRO settings)
        throws InvalidSettingsException {
        for (Added a : table) {
            if (settings.containsKey(a.key())) {
                a.model().validateSettings(settings);
            }
        }
    }

    /** Loads each setting, or its value for a workflow without it. */
    public static void load(final List<Added> table, final NodeSettingsRO settings) throws InvalidSettingsException {
        for (Added a : table) {
            if (settings.containsKey(a.key())) {
                a.model().loadSettingsFrom(settings);
            } else {
                a.whenAbsent().accept(a.model());
            }
        }
    }
}
