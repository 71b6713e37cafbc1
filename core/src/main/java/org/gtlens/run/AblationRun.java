package org.gtlens.run;

import java.util.List;
import java.util.function.BooleanSupplier;

import org.gtlens.causal.AblationMethod;
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
    private final AblationMethod method;

    public AblationRun(HeadAblation ablation) {
        this.ablation = ablation;
        this.method = ablation.method();
    }

    /**
     * @param groups one group per sequence (null: every sequence in {@link Tables#ALL_GROUP})
     * @return the summary that was written, for a figure
     */
    public EffectSummary run(List<Sequence> sequences, List<String> groups, TableSink effects, TableSink summary,
            Extractor.ProgressListener progress, BooleanSupplier cancelled) throws Exception {
        if (groups != null && groups.size() != sequences.size()) {
            throw new IllegalArgumentException(groups.size() + " groups for " + sequences.size() + " sequences");
        }
        EffectSummary summaries = new EffectSummary(ablation.model().info());
        ablation.run(sequences, effect -> {
            Sequence s = sequences.get(effect.sequence());
            for (EffectMetric metric : EffectMetric.values()) {
                effects.row(s.id(), method.key(), effect.block(), effect.head(), metric.key(), effect.value(metric));
            }
            summaries.add(groups == null ? Tables.ALL_GROUP : groups.get(effect.sequence()), effect);
        }, progress, cancelled);
        summaries.write(method.key(), summary);
        return summaries;
    }
}
