package org.gtlens.knimeapi.sample;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelDoubleBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/** The settings of the sample node, shared by model and dialog (the usual KNIME pattern). */
final class SettingsModelsHolder {

    private final SettingsModelString m_column = new SettingsModelString("column", null);

    private final SettingsModelIntegerBounded m_factor = new SettingsModelIntegerBounded("factor", 1, 1, 10);

    private final SettingsModelBoolean m_codes = new SettingsModelBoolean("codes", true);

    private final SettingsModelDoubleBounded m_gamma = new SettingsModelDoubleBounded("gamma", 0.5, 0, 1);

    private final SettingsModelString m_mode = new SettingsModelString("mode", "fast");

    private final SettingsModelString m_path = new SettingsModelString("path", "");

    SettingsModelString column() {
        return m_column;
    }

    SettingsModelIntegerBounded factor() {
        return m_factor;
    }

    SettingsModelBoolean codes() {
        return m_codes;
    }

    SettingsModelDoubleBounded gamma() {
        return m_gamma;
    }

    SettingsModelString mode() {
        return m_mode;
    }

    SettingsModelString path() {
        return m_path;
    }

    void save(final NodeSettingsWO s) {
        m_column.saveSettingsTo(s);
        m_factor.saveSettingsTo(s);
        m_codes.saveSettingsTo(s);
        m_gamma.saveSettingsTo(s);
        m_mode.saveSettingsTo(s);
        m_path.saveSettingsTo(s);
    }

    void validate(final NodeSettingsRO s) throws InvalidSettingsException {
        m_column.validateSettings(s);
        m_factor.validateSettings(s);
        m_codes.validateSettings(s);
        m_gamma.validateSettings(s);
        m_mode.validateSettings(s);
        m_path.validateSettings(s);
    }

    void load(final NodeSettingsRO s) throws InvalidSettingsException {
        m_column.loadSettingsFrom(s);
        m_factor.loadSettingsFrom(s);
        m_codes.loadSettingsFrom(s);
        m_gamma.loadSettingsFrom(s);
        m_mode.loadSettingsFrom(s);
        m_path.loadSettingsFrom(s);
    }
}
