package org.gtlens.run;

import java.util.List;
import java.util.function.BooleanSupplier;

import org.gtlens.analysis.GroupMemory;
import org.gtlens.causal.EffectMetric;
import org.gtlens.causal.EffectSummary;
import org.gtlens.causal.HeadAblation;
import org.gtlens.repr.Extractor;
import org.gtlens.repr.Sequence;
import org.gtlens.table.Tables;

/**
 * Head ablation into its two tables, the same for the command line and the Ablate Heads node: the effects of every
 * head on every sequence ({@link Tables#ABLATION}) and their summary per group ({@link Tables#AGGREGATED_ABLATION}).
 * The front ends supply the sinks.
 */
public final class AblationRun {

    private final HeadAblation ablation;
    private final boolean aggregate;

    /** @param aggregate true for the summary table, false for every sequence's effects */
    public AblationRun(HeadAblation ablation, boolean aggregate) {
        this.ablation = ablation;
        this.aggregate = aggregate;
    }

    /** The schema of the table this run writes. */
    public org.gtlens.table.TableSchema schema() {
        return aggregate ? Tables.AGGREGATED_ABLATION : Tables.ABLATION;
    }

    /**
     * @param groups one group per sequence (null: every sequence in {@link Tables#ALL_GROUP})
     * @param table  receives the rows of {@link #schema()}
     * @return the summary per group, for a figure (also when the table holds every sequence)
     */
    public EffectSummary run(List<Sequence> sequences, List<String> groups, TableSink table,
            Extractor.ProgressListener progress, BooleanSupplier cancelled) throws Exception {
        if (groups != null && groups.size() != sequences.size()) {
            throw new IllegalArgumentException(groups.size() + " groups for " + sequences.size() + " sequences");
        }
        EffectSummary summaries = new EffectSummary(ablation.model().info(), ablation.heads());
        long distinct = groups == null ? 1 : new java.util.HashSet<>(groups).size();
        GroupMemory.requireFits(distinct, "groups", summaries.cellsPerGroup(), summaries.bytesPerGroup(),
                ablation.budgetBytes());
        ablation.run(sequences, effect -> {
            Sequence s = sequences.get(effect.sequence());
            for (EffectMetric metric : aggregate ? new EffectMetric[0] : EffectMetric.values()) {
                table.row(s.id(), effect.block(), effect.head(), metric.key(), effect.value(metric));
            }
            summaries.add(groups == null ? Tables.ALL_GROUP : groups.get(effect.sequence()), effect);
        }, progress, cancelled);
        if (aggregate) {
            summaries.write(table);
        }
        return summaries;
    }
}
