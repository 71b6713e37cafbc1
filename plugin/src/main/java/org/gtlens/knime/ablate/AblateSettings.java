package org.gtlens.knime.ablate;

import java.util.List;

import org.gtlens.causal.AblationMethod;
import org.gtlens.knime.causal.CausalNodes;
import org.gtlens.knime.dialog.Choice;
import org.gtlens.knime.extract.ExtractChoices;
import org.gtlens.knime.extract.SequenceSettings;
import org.gtlens.knime.settings.Added;
import org.gtlens.repr.IndexList;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.defaultnodesettings.SettingsModel;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/**
 * The settings of Ablate Heads, one static method per setting (shared by the model and the dialog), stored as stable
 * keys. The sequence settings are Extract Representations' (same keys, same meaning).
 */
final class AblateSettings {

    /** The release the settings of the migration table came with. */
    private static final String FIRST_RELEASE = "0.1.0";

    static final List<Choice> METHODS = List.of(
        new Choice(AblationMethod.ZERO.key(), "Zero: the head contributes nothing"),
        new Choice(AblationMethod.MEAN.key(), "Mean: the head's mean output over the input's rows"));

    static SettingsModelString createMethodModel() {
        return new SettingsModelString("method", AblationMethod.ZERO.key());
    }

    final SequenceSettings m_sequences = new SequenceSettings();

    final SettingsModelString m_method = createMethodModel();

    final SettingsModelString m_blocks = CausalNodes.createBlocksModel();

    final SettingsModelString m_heads = CausalNodes.createHeadsModel();

    final SettingsModelString m_aggregate = CausalNodes.createAggregateModel();

    final SettingsModelString m_groupColumn = CausalNodes.createGroupColumnModel();

    final SettingsModelIntegerBounded m_batchSize = CausalNodes.createBatchSizeModel();

    final SettingsModelIntegerBounded m_memory = CausalNodes.createMemoryModel();

    /** The settings of the first version: every saved workflow has them. */
    private List<SettingsModel> original() {
        return List.of(m_sequences.columnModel(), m_method, m_blocks, m_heads, m_batchSize);
    }

    /**
     * The migration table: settings added after the first ones, each with the value a workflow saved without it
     * gets, which does what the node did then (one sequence column, every row's effects, the default memory).
     */
    private List<Added> added() {
        return List.of(Added.of(m_sequences.modeModel(), ExtractChoices.MODE_COLUMN.key(), FIRST_RELEASE),
            Added.of(m_sequences.tokenColumnsModel(), "", FIRST_RELEASE),
            Added.of(m_aggregate, CausalNodes.AGGREGATE_NONE.key(), FIRST_RELEASE),
            Added.of(m_groupColumn, "", FIRST_RELEASE),
            Added.of(m_memory, CausalNodes.defaultMemoryMb(), FIRST_RELEASE));
    }

    void save(final NodeSettingsWO s) {
        Added.save(original(), added(), s);
    }

    void validate(final NodeSettingsRO s) throws InvalidSettingsException {
        AblateSettings probe = new AblateSettings();
        probe.load(s);
        probe.check();
    }

    void load(final NodeSettingsRO s) throws InvalidSettingsException {
        Added.load(original(), added(), s);
        m_sequences.enableForMode();
        m_groupColumn.setEnabled(aggregated());
    }

    /** Checks the values that a settings model alone cannot check. */
    void check() throws InvalidSettingsException {
        CausalNodes.checkChoice(m_sequences.modeModel(), ExtractChoices.MODES, "sequence mode");
        CausalNodes.checkChoice(m_method, METHODS, "ablation method");
        CausalNodes.checkChoice(m_aggregate, CausalNodes.AGGREGATES, "aggregation");
        blocks();
        heads();
    }

    boolean aggregated() {
        return Choice.of(CausalNodes.AGGREGATES, m_aggregate.getStringValue()) == CausalNodes.AGGREGATE_MEAN;
    }

    /** @return the group column when aggregating, or null (all rows one group) */
    String groupColumn() {
        String g = m_groupColumn.getStringValue();
        return aggregated() && g != null && !g.isBlank() ? g : null;
    }

    AblationMethod method() {
        return AblationMethod.MEAN.key().equals(m_method.getStringValue()) ? AblationMethod.MEAN
            : AblationMethod.ZERO;
    }

    IndexList blocks() throws InvalidSettingsException {
        return CausalNodes.indexList(m_blocks, "Blocks");
    }

    IndexList heads() throws InvalidSettingsException {
        return CausalNodes.indexList(m_heads, "Heads");
    }
}
