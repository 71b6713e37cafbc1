package org.gtlens.knime.patch;

import java.util.List;

import org.gtlens.causal.PatchSite;
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

/** The settings of Patch Activations, one static method per setting (shared by model and dialog), as stable keys. */
final class PatchSettings {

    /** The release the settings of the migration table came with. */
    private static final String FIRST_RELEASE = "0.1.0";

    static final Choice SITES_BOTH = new Choice("both", "Both: residual stream and heads");

    static final List<Choice> SITES = List.of(SITES_BOTH,
        new Choice(PatchSite.RESID.key(), "Residual stream entering a block, one position at a time"),
        new Choice(PatchSite.HEAD.key(), "One head's output at every position"));

    /** @return the clean sequences' column; empty: the first text or list column */
    static SettingsModelString createCleanColumnModel() {
        return new SettingsModelString("clean_column", "");
    }

    /** @return the corrupted sequences' column; empty: the second text or list column */
    static SettingsModelString createCorruptedColumnModel() {
        return new SettingsModelString("corrupted_column", "");
    }

    /** @return the answer tokens' column; empty: none (the clean run's most probable token) */
    static SettingsModelString createAnswerColumnModel() {
        return new SettingsModelString("answer_column", "");
    }

    /** @return the wrong tokens' column; empty: none (the corrupted run's most probable token) */
    static SettingsModelString createWrongColumnModel() {
        return new SettingsModelString("wrong_column", "");
    }

    static SettingsModelString createSitesModel() {
        return new SettingsModelString("sites", SITES_BOTH.key());
    }

    static SettingsModelString createPositionsModel() {
        return new SettingsModelString("positions", IndexList.ALL.toString());
    }

    /** Where the clean and corrupted sequences come from: token ids or text (both the same way). */
    final SettingsModelString m_mode = SequenceSettings.createModeModel();

    final SettingsModelString m_clean = createCleanColumnModel();

    final SettingsModelString m_corrupted = createCorruptedColumnModel();

    final SettingsModelString m_answer = createAnswerColumnModel();

    final SettingsModelString m_wrong = createWrongColumnModel();

    final SettingsModelString m_sites = createSitesModel();

    final SettingsModelString m_blocks = CausalNodes.createBlocksModel();

    final SettingsModelString m_heads = CausalNodes.createHeadsModel();

    final SettingsModelString m_positions = createPositionsModel();

    final SettingsModelString m_aggregate = CausalNodes.createAggregateModel();

    final SettingsModelString m_groupColumn = CausalNodes.createGroupColumnModel();

    final SettingsModelIntegerBounded m_batchSize = CausalNodes.createBatchSizeModel();

    final SettingsModelIntegerBounded m_memory = CausalNodes.createMemoryModel();

    /** The settings of the first version: every saved workflow has them. */
    private List<SettingsModel> original() {
        return List.of(m_clean, m_corrupted, m_sites, m_blocks, m_heads, m_positions, m_batchSize);
    }

    /**
     * The migration table: settings added after the first ones, each with the value a workflow saved without it
     * gets, which does what the node did then (token ids, the most probable tokens compared, every pair's values,
     * the default memory).
     */
    private List<Added> added() {
        return List.of(Added.of(m_mode, ExtractChoices.MODE_COLUMN.key(), FIRST_RELEASE),
            Added.of(m_answer, "", FIRST_RELEASE), Added.of(m_wrong, "", FIRST_RELEASE),
            Added.of(m_aggregate, CausalNodes.AGGREGATE_NONE.key(), FIRST_RELEASE),
            Added.of(m_groupColumn, "", FIRST_RELEASE),
            Added.of(m_memory, CausalNodes.defaultMemoryMb(), FIRST_RELEASE));
    }

    void save(final NodeSettingsWO s) {
        Added.save(original(), added(), s);
    }

    void validate(final NodeSettingsRO s) throws InvalidSettingsException {
        PatchSettings probe = new PatchSettings();
        probe.load(s);
        probe.check();
    }

    void load(final NodeSettingsRO s) throws InvalidSettingsException {
        Added.load(original(), added(), s);
        m_groupColumn.setEnabled(aggregated());
    }

    /** Checks the values that a settings model alone cannot check. */
    void check() throws InvalidSettingsException {
        CausalNodes.checkChoice(m_mode, ExtractChoices.PAIR_MODES, "sequence mode");
        CausalNodes.checkChoice(m_sites, SITES, "sites");
        CausalNodes.checkChoice(m_aggregate, CausalNodes.AGGREGATES, "aggregation");
        blocks();
        heads();
        positions();
    }

    /** @return where the sequences come from: token ids or text */
    Choice mode() {
        return Choice.of(ExtractChoices.PAIR_MODES, m_mode.getStringValue());
    }

    /** @return the sites patched, residual stream first (the command line's order) */
    List<PatchSite> sites() {
        String k = m_sites.getStringValue();
        return PatchSite.RESID.key().equals(k) ? List.of(PatchSite.RESID)
            : PatchSite.HEAD.key().equals(k) ? List.of(PatchSite.HEAD) : List.of(PatchSite.RESID, PatchSite.HEAD);
    }

    boolean aggregated() {
        return Choice.of(CausalNodes.AGGREGATES, m_aggregate.getStringValue()) == CausalNodes.AGGREGATE_MEAN;
    }

    /** @return the group column when aggregating, or null (all pairs one group) */
    String groupColumn() {
        return aggregated() ? column(m_groupColumn) : null;
    }

    /** @return a column setting's name, or null for none */
    static String column(final SettingsModelString m) {
        String c = m.getStringValue();
        return c == null || c.isBlank() ? null : c;
    }

    IndexList blocks() throws InvalidSettingsException {
        return CausalNodes.indexList(m_blocks, "Blocks");
    }

    IndexList heads() throws InvalidSettingsException {
        return CausalNodes.indexList(m_heads, "Heads");
    }

    IndexList positions() throws InvalidSettingsException {
        return CausalNodes.indexList(m_positions, "Positions");
    }
}
