package org.gtlens.knime.extract;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.gtlens.model.Kind;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.defaultnodesettings.SettingsModel;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/**
 * The settings of Extract Representations. Each setting is made by one static method, used by both the node model
 * and the dialog (KNIME's convention), and this class bundles one set of them for the model.
 */
final class ExtractSettings {

    /** Sequence mode: one column holding text ("4,5,5") or a list of integers. */
    static final String MODE_COLUMN = "One column (text or list of integers)";

    /** Sequence mode: one integer column per position. */
    static final String MODE_COLUMNS = "Integer columns (one per position)";

    static final String LAYOUT_LONG = "long";

    static final String LAYOUT_MATRIX = "matrix";

    static final String POLICY_FAIL = "Fail";

    static final String POLICY_SKIP = "Skip the row with a warning";

    static SettingsModelString createSequenceModeModel() {
        return new SettingsModelString("sequence_mode", MODE_COLUMN);
    }

    static SettingsModelString createSequenceColumnModel() {
        return new SettingsModelString("sequence_column", "");
    }

    /** @return comma-separated names of the token columns; empty means every integer column, in table order */
    static SettingsModelString createTokenColumnsModel() {
        return new SettingsModelString("token_columns", "");
    }

    /**
     * @param kind a representation kind
     * @return whether to extract it (attention by default)
     */
    static SettingsModelBoolean createKindModel(final Kind kind) {
        return new SettingsModelBoolean("kind_" + kind.contractName(), kind == Kind.ATTENTION);
    }

    static SettingsModelString createLayoutModel() {
        return new SettingsModelString("layout", LAYOUT_LONG);
    }

    static SettingsModelIntegerBounded createBatchSizeModel() {
        return new SettingsModelIntegerBounded("batch_size", 256, 1, 65536);
    }

    static SettingsModelString createBadRowPolicyModel() {
        return new SettingsModelString("on_bad_row", POLICY_FAIL);
    }

    final SettingsModelString m_mode = createSequenceModeModel();

    final SettingsModelString m_column = createSequenceColumnModel();

    final SettingsModelString m_tokenColumns = createTokenColumnsModel();

    final SettingsModelBoolean[] m_kinds = new SettingsModelBoolean[Kind.values().length];

    final SettingsModelString m_layout = createLayoutModel();

    final SettingsModelIntegerBounded m_batchSize = createBatchSizeModel();

    final SettingsModelString m_policy = createBadRowPolicyModel();

    ExtractSettings() {
        for (Kind k : Kind.values()) {
            m_kinds[k.ordinal()] = createKindModel(k);
        }
    }

    private List<SettingsModel> all() {
        List<SettingsModel> l = new ArrayList<>(List.of(m_mode, m_column, m_tokenColumns, m_layout, m_batchSize,
            m_policy));
        l.addAll(List.of(m_kinds));
        return l;
    }

    void save(final NodeSettingsWO s) {
        all().forEach(m -> m.saveSettingsTo(s));
    }

    void validate(final NodeSettingsRO s) throws InvalidSettingsException {
        for (SettingsModel m : all()) {
            m.validateSettings(s);
        }
        ExtractSettings probe = new ExtractSettings();
        probe.load(s);
        probe.check();
    }

    void load(final NodeSettingsRO s) throws InvalidSettingsException {
        for (SettingsModel m : all()) {
            m.loadSettingsFrom(s);
        }
    }

    /** Checks the values that a settings model alone cannot check. */
    void check() throws InvalidSettingsException {
        String mode = m_mode.getStringValue();
        if (!MODE_COLUMN.equals(mode) && !MODE_COLUMNS.equals(mode)) {
            throw new InvalidSettingsException("Unknown sequence mode '" + mode + "'; use '" + MODE_COLUMN + "' or '"
                + MODE_COLUMNS + "'.");
        }
        String layout = m_layout.getStringValue();
        if (!LAYOUT_LONG.equals(layout) && !LAYOUT_MATRIX.equals(layout)) {
            throw new InvalidSettingsException("Unknown layout '" + layout + "'; use 'long' or 'matrix'.");
        }
        String policy = m_policy.getStringValue();
        if (!POLICY_FAIL.equals(policy) && !POLICY_SKIP.equals(policy)) {
            throw new InvalidSettingsException("Unknown bad-row policy '" + policy + "'; use '" + POLICY_FAIL
                + "' or '" + POLICY_SKIP + "'.");
        }
    }

    boolean columnsMode() {
        return MODE_COLUMNS.equals(m_mode.getStringValue());
    }

    boolean matrixLayout() {
        return LAYOUT_MATRIX.equals(m_layout.getStringValue());
    }

    boolean skipBadRows() {
        return POLICY_SKIP.equals(m_policy.getStringValue());
    }

    Set<Kind> kinds() {
        Set<Kind> kinds = EnumSet.noneOf(Kind.class);
        for (Kind k : Kind.values()) {
            if (m_kinds[k.ordinal()].getBooleanValue()) {
                kinds.add(k);
            }
        }
        return kinds;
    }

    /** @return the token column names given (trimmed, without empty entries) */
    List<String> tokenColumns() {
        List<String> names = new ArrayList<>();
        for (String n : m_tokenColumns.getStringValue().split(",")) {
            if (!n.isBlank()) {
                names.add(n.trim());
            }
        }
        return names;
    }
}
