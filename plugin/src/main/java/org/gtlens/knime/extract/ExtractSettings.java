package org.gtlens.knime.extract;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.gtlens.knime.dialog.Choice;
import org.gtlens.knime.settings.Added;
import org.gtlens.model.Kind;
import org.gtlens.model.ModelInfo;
import org.gtlens.repr.BatchPlan;
import org.gtlens.repr.IndexList;
import org.gtlens.repr.Selection;
import org.gtlens.run.Output;
import org.gtlens.run.TableJob;
import org.gtlens.table.Layout;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.defaultnodesettings.SettingsModel;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/**
 * The settings of Extract Representations. Each setting is made by one static method, used by both the node model
 * and the dialog (KNIME's convention), and this class bundles one set of them for the model. Choices are stored as
 * stable keys; the labels of earlier versions still load, and settings added later get, when absent, the values
 * that reproduce what the node did before them.
 */
final class ExtractSettings {

    /** The release the settings of the migration table came with. */
    private static final String FIRST_RELEASE = "0.1.0";

    /**
     * @param kind a representation kind
     * @return whether to extract it (attention by default)
     */
    static SettingsModelBoolean createKindModel(final Kind kind) {
        return new SettingsModelBoolean("kind_" + kind.contractName(), kind == Kind.ATTENTION);
    }

    static SettingsModelString createLayoutModel() {
        return new SettingsModelString("layout", Layout.LONG.key());
    }

    /** @return the blocks to keep ("all", "0,10-11", "last") */
    static SettingsModelString createBlocksModel() {
        return new SettingsModelString("blocks", IndexList.ALL.toString());
    }

    /** @return the heads to keep */
    static SettingsModelString createHeadsModel() {
        return new SettingsModelString("heads", IndexList.ALL.toString());
    }

    /** @return the positions (matrix rows) to keep */
    static SettingsModelString createPositionsModel() {
        return new SettingsModelString("positions", IndexList.ALL.toString());
    }

    /** @return how many most probable tokens of logprobs to keep per position; 0 = all */
    static SettingsModelIntegerBounded createTopKModel() {
        return new SettingsModelIntegerBounded("top_k", 0, 0, 1_000_000);
    }

    /** @return whether to keep the attention cells the causal mask makes 0 (new nodes: no) */
    static SettingsModelBoolean createKeepMaskedModel() {
        return new SettingsModelBoolean("keep_masked", false);
    }

    static SettingsModelIntegerBounded createBatchSizeModel() {
        return new SettingsModelIntegerBounded("batch_size", 256, 1, 65536);
    }

    /** @return the memory budget of one batch's outputs in MB: a quarter of KNIME's maximum heap by default */
    static SettingsModelIntegerBounded createMemoryModel() {
        return new SettingsModelIntegerBounded("memory_mb", defaultMemoryMb(), 1, 1 << 20);
    }

    /** A quarter of the maximum heap, between 64 MB and 4 GB, in steps of 64 MB. */
    static int defaultMemoryMb() {
        long quarter = Runtime.getRuntime().maxMemory() / 4 / (1 << 20);
        return (int)Math.max(64, Math.min(4096, quarter / 64 * 64));
    }

    /** @return none, over all rows, or per group */
    static SettingsModelString createAggregateModel() {
        return new SettingsModelString("aggregate", ExtractChoices.AGGREGATE_NONE.key());
    }

    /** @return the column whose value groups the rows (aggregate per group) */
    static SettingsModelString createGroupColumnModel() {
        SettingsModelString m = new SettingsModelString("group_column", "");
        m.setEnabled(false); // enabled when aggregating per group
        return m;
    }

    /** @return what the second output holds: representations, head scores or logit-lens statistics */
    static SettingsModelString createSecondOutputModel() {
        return new SettingsModelString("second_output", ExtractChoices.OUTPUT_REPRESENTATIONS.key());
    }

    static SettingsModelString createBadRowPolicyModel() {
        return new SettingsModelString("on_bad_row", ExtractChoices.POLICY_FAIL.key());
    }

    final SequenceSettings m_sequences = new SequenceSettings();

    final SettingsModelBoolean[] m_kinds = new SettingsModelBoolean[Kind.values().length];

    final SettingsModelString m_layout = createLayoutModel();

    final SettingsModelString m_blocks = createBlocksModel();

    final SettingsModelString m_heads = createHeadsModel();

    final SettingsModelString m_positions = createPositionsModel();

    final SettingsModelIntegerBounded m_topK = createTopKModel();

    final SettingsModelBoolean m_keepMasked = createKeepMaskedModel();

    final SettingsModelIntegerBounded m_batchSize = createBatchSizeModel();

    final SettingsModelIntegerBounded m_memory = createMemoryModel();

    final SettingsModelString m_policy = createBadRowPolicyModel();

    final SettingsModelString m_aggregate = createAggregateModel();

    final SettingsModelString m_groupColumn = createGroupColumnModel();

    final SettingsModelString m_output = createSecondOutputModel();

    ExtractSettings() {
        for (Kind k : Kind.values()) {
            m_kinds[k.ordinal()] = createKindModel(k);
        }
    }

    /** The settings of the first version: every saved workflow has them. */
    private List<SettingsModel> original() {
        List<SettingsModel> l = new ArrayList<>(List.of(m_sequences.m_mode, m_sequences.m_column,
            m_sequences.m_tokenColumns, m_layout, m_batchSize,
            m_policy));
        for (Kind k : Kind.contract()) {
            l.add(m_kinds[k.ordinal()]);
        }
        return l;
    }

    /**
     * The migration table: settings added after the node's first settings, each with the value a workflow saved
     * without it gets, which does what the node did then (every block, head and position, every token, masked cells
     * kept, no rollout, no aggregation, representations). All came during the development of the first release.
     */
    private List<Added> added() {
        return List.of(Added.of(m_blocks, IndexList.ALL.toString(), FIRST_RELEASE),
            Added.of(m_heads, IndexList.ALL.toString(), FIRST_RELEASE),
            Added.of(m_positions, IndexList.ALL.toString(), FIRST_RELEASE),
            Added.of(m_topK, 0, FIRST_RELEASE),
            Added.of(m_keepMasked, true, FIRST_RELEASE),
            Added.of(m_memory, defaultMemoryMb(), FIRST_RELEASE),
            Added.of(m_kinds[Kind.ROLLOUT.ordinal()], false, FIRST_RELEASE),
            Added.of(m_aggregate, ExtractChoices.AGGREGATE_NONE.key(), FIRST_RELEASE),
            Added.of(m_groupColumn, "", FIRST_RELEASE),
            Added.of(m_output, ExtractChoices.OUTPUT_REPRESENTATIONS.key(), FIRST_RELEASE));
    }

    void save(final NodeSettingsWO s) {
        Added.save(original(), added(), s);
    }

    void validate(final NodeSettingsRO s) throws InvalidSettingsException {
        ExtractSettings probe = new ExtractSettings();
        probe.load(s);
        probe.check();
    }

    void load(final NodeSettingsRO s) throws InvalidSettingsException {
        Added.load(original(), added(), s);
        // earlier versions stored labels: store keys from now on
        normalize(m_sequences.m_mode, ExtractChoices.MODES);
        normalize(m_policy, ExtractChoices.POLICIES);
        m_sequences.enableForMode();
        m_groupColumn.setEnabled(perGroup());
    }

    private static void normalize(final SettingsModelString m, final List<Choice> choices) {
        Choice c = Choice.of(choices, m.getStringValue());
        if (c != null) {
            m.setStringValue(c.key());
        }
    }

    /** Checks the values that a settings model alone cannot check. */
    void check() throws InvalidSettingsException {
        checkChoice(m_sequences.m_mode, ExtractChoices.MODES, "sequence mode");
        checkChoice(m_layout, ExtractChoices.LAYOUTS, "layout");
        checkChoice(m_policy, ExtractChoices.POLICIES, "bad-row policy");
        checkChoice(m_aggregate, ExtractChoices.AGGREGATES, "aggregation");
        checkChoice(m_output, ExtractChoices.OUTPUTS, "second output");
        if (aggregated() && matrixLayout() && secondOutput() == ExtractChoices.OUTPUT_REPRESENTATIONS) {
            throw new InvalidSettingsException("Aggregated representations come in the long layout only; choose the "
                + "long layout or no aggregation.");
        }
        if (aggregated() && m_topK.getIntValue() > 0) {
            throw new InvalidSettingsException("Top-k keeps different tokens for each row, so it cannot be "
                + "aggregated; set top-k to 0 or choose no aggregation.");
        }
        if (perGroup() && m_groupColumn.getStringValue().isBlank()) {
            throw new InvalidSettingsException("Aggregating per group needs a group column; choose one.");
        }
        for (SettingsModelString m : List.of(m_blocks, m_heads, m_positions)) {
            try {
                IndexList.parse(m.getStringValue());
            } catch (IllegalArgumentException e) {
                throw new InvalidSettingsException(e.getMessage() + ".");
            }
        }
    }

    private static void checkChoice(final SettingsModelString m, final List<Choice> choices, final String what)
        throws InvalidSettingsException {
        if (Choice.of(choices, m.getStringValue()) == null) {
            throw new InvalidSettingsException("Unknown " + what + " '" + m.getStringValue() + "'; use one of "
                + choices.stream().map(Choice::key).toList() + ".");
        }
    }

    boolean matrixLayout() {
        return Layout.MATRIX == Layout.fromKey(m_layout.getStringValue());
    }

    boolean aggregated() {
        return Choice.of(ExtractChoices.AGGREGATES, m_aggregate.getStringValue()) != ExtractChoices.AGGREGATE_NONE;
    }

    boolean perGroup() {
        return Choice.of(ExtractChoices.AGGREGATES, m_aggregate.getStringValue()) == ExtractChoices.AGGREGATE_GROUP;
    }

    Choice secondOutput() {
        return Choice.of(ExtractChoices.OUTPUTS, m_output.getStringValue());
    }

    /** @return the table of the second output */
    Output output() {
        Choice c = secondOutput();
        return c == ExtractChoices.OUTPUT_HEAD_SCORES ? Output.HEAD_SCORES : c == ExtractChoices.OUTPUT_LENS_STATS ? Output.LENS_STATS
            : Output.REPRESENTATIONS;
    }

    /**
     * @param info the model
     * @return what a run of these settings writes
     * @throws InvalidSettingsException naming an index the model does not have
     */
    TableJob job(final ModelInfo info) throws InvalidSettingsException {
        return new TableJob(selection(info), plan(), matrixLayout() ? Layout.MATRIX : Layout.LONG, aggregated(),
            Set.of(output()));
    }

    boolean skipBadRows() {
        return ExtractChoices.POLICY_SKIP == Choice.of(ExtractChoices.POLICIES, m_policy.getStringValue());
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

    /**
     * @param info the model
     * @return what to keep, checked against the model
     * @throws InvalidSettingsException naming an index the model does not have
     */
    Selection selection(final ModelInfo info) throws InvalidSettingsException {
        try {
            Selection s = new Selection(kinds(), IndexList.parse(m_blocks.getStringValue()),
                IndexList.parse(m_heads.getStringValue()), IndexList.parse(m_positions.getStringValue()),
                m_topK.getIntValue(), m_keepMasked.getBooleanValue());
            s.check(info);
            return s;
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException("The selection does not fit the model: " + e.getMessage() + ".");
        }
    }

    /** @return batches of at most the batch size within the memory budget */
    BatchPlan plan() {
        return new BatchPlan(m_batchSize.getIntValue(), (long)m_memory.getIntValue() << 20,
            "\"Memory per batch (MB)\"");
    }
}
