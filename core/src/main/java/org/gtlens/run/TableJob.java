package org.gtlens.run;

import java.util.EnumSet;
import java.util.Set;

import org.gtlens.analysis.Summaries;
import org.gtlens.model.Kind;
import org.gtlens.model.ModelInfo;
import org.gtlens.repr.BatchPlan;
import org.gtlens.repr.Selection;
import org.gtlens.table.Layout;
import org.gtlens.table.Layouts;
import org.gtlens.table.TableSchema;
import org.gtlens.table.Tables;

/**
 * What a run of sequences turns into: the selection it keeps, the batches it runs in, the layout of the
 * representation table, whether rows are aggregated per group, and which tables it writes besides the predictions.
 *
 * @param selection what the representation table keeps (summaries are computed over its blocks, heads, positions)
 * @param plan      batch size and memory budget
 * @param layout    long or matrix (aggregated tables are long)
 * @param aggregate one row per group and cell (count, mean, standard deviation) instead of one per sequence
 * @param outputs   the tables written besides the predictions
 */
public record TableJob(Selection selection, BatchPlan plan, Layout layout, boolean aggregate, Set<Output> outputs) {

    /**
     * @throws IllegalArgumentException for options that do not go together (aggregating the matrix layout or top-k)
     */
    public TableJob {
        outputs = outputs.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(outputs));
        if (aggregate && layout != Layout.LONG && outputs.contains(Output.REPRESENTATIONS)) {
            throw new IllegalArgumentException("aggregated tables come in the long layout only");
        }
        if (aggregate && selection.topK() > 0 && outputs.contains(Output.REPRESENTATIONS)) {
            throw new IllegalArgumentException("top-k keeps different tokens for each sequence, so it cannot be "
                    + "aggregated; leave out top-k or the aggregation");
        }
    }

    /** The representation table only, one row per value or matrix row. */
    public static TableJob representations(Selection selection, BatchPlan plan, Layout layout) {
        return new TableJob(selection, plan, layout, false, Set.of(Output.REPRESENTATIONS));
    }

    /** True when the job writes this table. */
    public boolean writes(Output output) {
        return outputs.contains(output);
    }

    /** True when head scores or lens statistics are written. */
    public boolean summarises() {
        return writes(Output.HEAD_SCORES) || writes(Output.LENS_STATS);
    }

    /** Kinds fetched besides the selected ones: what the summaries read. */
    public Set<Kind> alsoFetched() {
        return summarises() ? Summaries.NEEDS : Set.of();
    }

    /** The schema of one output table for a model. */
    public TableSchema schema(Output output, ModelInfo info) {
        return switch (output) {
            case REPRESENTATIONS -> aggregate ? Tables.AGGREGATED_LONG : layout == Layout.MATRIX
                    ? Tables.matrix(Layouts.matrixWidth(info, selection.kinds())) : Tables.LONG;
            case HEAD_SCORES -> aggregate ? Tables.AGGREGATED_HEAD_SCORES : Tables.HEAD_SCORES;
            case LENS_STATS -> aggregate ? Tables.AGGREGATED_LENS_STATS : Tables.LENS_STATS;
        };
    }
}
