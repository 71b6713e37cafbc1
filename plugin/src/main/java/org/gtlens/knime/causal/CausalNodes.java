package org.gtlens.knime.causal;

import java.util.List;
import java.util.function.BooleanSupplier;

import org.gtlens.knime.dialog.Choice;
import org.gtlens.knime.port.GTransformerPortObjectSpec;
import org.gtlens.knime.table.KnimeTables;
import org.gtlens.model.ModelException;
import org.gtlens.model.ModelInfo;
import org.gtlens.repr.Extractor;
import org.gtlens.repr.IndexList;
import org.gtlens.run.TableSink;
import org.gtlens.runtime.NativeRuntime;
import org.gtlens.table.TableSchema;
import org.gtlens.table.Tables;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.RowKey;
import org.knime.core.data.StringValue;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.knime.core.node.port.PortObjectSpec;

/** Helpers of the causal nodes, each one sentence to the user when something is wrong. */
public final class CausalNodes {

    private CausalNodes() {
    }

    /**
     * The model at the first input, checked at configure time: there, runnable on this machine, and taking
     * interventions (contract version 2).
     *
     * @param spec the model port's spec
     * @param purpose what the node does with it, e.g. "to ablate heads"
     * @return the model's facts
     * @throws InvalidSettingsException in one sentence
     */
    public static ModelInfo model(final PortObjectSpec spec, final String purpose) throws InvalidSettingsException {
        ModelInfo info = spec instanceof GTransformerPortObjectSpec g ? g.getInfo() : null;
        if (info == null) {
            throw new InvalidSettingsException(
                "No GTransformer at the first input; connect a Load GTransformer node and execute it.");
        }
        if (!info.takesInterventions()) {
            throw new InvalidSettingsException("Model " + info.source() + " follows contract version "
                + info.contract() + ", which has no intervention inputs; export it again with models/export.py "
                + "(contract version 2) " + purpose + ".");
        }
        try {
            NativeRuntime.environment(); // once per JVM: a machine that cannot run ONNX Runtime is told so here
        } catch (ModelException e) {
            throw new InvalidSettingsException(e.getMessage());
        }
        return info;
    }

    /** Aggregation: every item's values. */
    public static final Choice AGGREGATE_NONE = new Choice("none", "None: every row's values");

    /** Aggregation: count, mean and standard deviation per group. */
    public static final Choice AGGREGATE_MEAN = new Choice("mean",
        "Mean per group (count, mean, standard deviation)");

    /** The aggregations of the causal nodes. */
    public static final List<Choice> AGGREGATES = List.of(AGGREGATE_NONE, AGGREGATE_MEAN);

    /** @return none or the mean per group */
    public static SettingsModelString createAggregateModel() {
        return new SettingsModelString("aggregate", AGGREGATE_NONE.key());
    }

    /** @return the column whose value groups the rows when aggregating; empty: all rows are one group */
    public static SettingsModelString createGroupColumnModel() {
        SettingsModelString m = new SettingsModelString("group_column", "");
        m.setEnabled(false); // enabled when aggregating
        return m;
    }

    /** @return the blocks ablated or patched ("all", "0,2-3", "last") */
    public static SettingsModelString createBlocksModel() {
        return new SettingsModelString("blocks", IndexList.ALL.toString());
    }

    /** @return the heads ablated or patched in each of those blocks */
    public static SettingsModelString createHeadsModel() {
        return new SettingsModelString("heads", IndexList.ALL.toString());
    }

    /**
     * @param m a choice setting
     * @param choices its options
     * @param what its name in messages
     * @throws InvalidSettingsException for a value that is none of the options
     */
    public static void checkChoice(final SettingsModelString m, final List<Choice> choices, final String what)
        throws InvalidSettingsException {
        if (Choice.of(choices, m.getStringValue()) == null) {
            throw new InvalidSettingsException("Unknown " + what + " '" + m.getStringValue() + "'; use one of "
                + choices.stream().map(Choice::key).toList() + ".");
        }
    }

    /**
     * Checks the chosen blocks and heads against the model (configure and execute time).
     *
     * @throws InvalidSettingsException naming an index the model does not have
     */
    public static void checkIndices(final ModelInfo info, final IndexList blocks, final IndexList heads)
        throws InvalidSettingsException {
        try {
            IndexList.checkBlocksAndHeads(info, blocks, heads);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException(e.getMessage() + ".");
        }
    }

    /** @return the batch size setting (most copies per ONNX Runtime call), 256 as the command line */
    public static SettingsModelIntegerBounded createBatchSizeModel() {
        return new SettingsModelIntegerBounded("batch_size", 256, 1, 65536);
    }

    /** @return the memory for the copies run at once in MB: a quarter of KNIME's maximum heap by default */
    public static SettingsModelIntegerBounded createMemoryModel() {
        return new SettingsModelIntegerBounded("memory_mb", defaultMemoryMb(), 1, 1 << 20);
    }

    /** A quarter of the maximum heap, between 64 MB and 4 GB, in steps of 64 MB (as Extract Representations). */
    public static int defaultMemoryMb() {
        long quarter = Runtime.getRuntime().maxMemory() / 4 / (1 << 20);
        return (int)Math.max(64, Math.min(4096, quarter / 64 * 64));
    }

    /**
     * @param m an index-list setting ("all", "0,2-3", "last")
     * @param what its name in the dialog
     * @return the list
     * @throws InvalidSettingsException in one sentence
     */
    public static IndexList indexList(final SettingsModelString m, final String what)
        throws InvalidSettingsException {
        String text = m.getStringValue();
        try {
            return IndexList.parse(text == null || text.isBlank() ? IndexList.ALL.toString() : text.trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException(what + ": " + e.getMessage() + ".");
        }
    }

    /**
     * @param spec the input spec
     * @param name a column name, or empty/null for none
     * @param role what the column is for, e.g. "group column"
     * @return its index, or -1 for none
     * @throws InvalidSettingsException when the table lacks it
     */
    public static int optionalColumn(final DataTableSpec spec, final String name, final String role)
        throws InvalidSettingsException {
        if (name == null || name.isBlank()) {
            return -1;
        }
        int i = spec.findColumnIndex(name);
        if (i < 0) {
            throw new InvalidSettingsException("The " + role + " '" + name + "' does not exist in the input table; "
                + "choose another one in the dialog.");
        }
        return i;
    }

    /** The group of a row: the group column's value ({@link Tables#MISSING_GROUP} when missing). */
    public static String group(final DataRow row, final int column) {
        DataCell c = row.getCell(column);
        return c.isMissing() ? Tables.MISSING_GROUP : c instanceof StringValue sv ? sv.getStringValue() : c.toString();
    }

    /** @return true once the user cancelled the execution */
    public static BooleanSupplier canceled(final ExecutionMonitor exec) {
        return () -> {
            try {
                exec.checkCanceled();
                return false;
            } catch (CanceledExecutionException e) {
                return true;
            }
        };
    }

    /**
     * @param exec the part of the execution the run takes
     * @param total items of the run
     * @param what the items, e.g. "sequences"
     * @return progress per item done
     */
    public static Extractor.ProgressListener progress(final ExecutionMonitor exec, final int total,
        final String what) {
        return done -> exec.setProgress(total == 0 ? 1.0 : Math.min(1.0, done / (double)total),
            () -> done + " of " + total + " " + what);
    }

    /** A sink writing the rows of {@code schema} into {@code container}, with row IDs Row0, Row1, .... */
    public static TableSink sink(final TableSchema schema, final BufferedDataContainer container) {
        long[] next = {0};
        return values -> container.addRowToTable(KnimeTables.row(schema, RowKey.createRowKey(next[0]++), values));
    }
}
