package org.gtlens.run;

import java.util.List;
import java.util.function.BooleanSupplier;

import org.gtlens.analysis.GroupMemory;
import org.gtlens.causal.ActivationPatching;
import org.gtlens.causal.PairOutcome;
import org.gtlens.causal.PatchPair;
import org.gtlens.causal.PatchSummary;
import org.gtlens.causal.PatchedValue;
import org.gtlens.model.ModelInfo;
import org.gtlens.repr.Extractor;
import org.gtlens.repr.Sequence;
import org.gtlens.table.Tables;
import org.gtlens.table.TableSchema;

/**
 * Activation patching into its two tables, the same for the command line and the Patch Activations node: the
 * patched values ({@link Tables#PATCHING}, or aggregated {@link Tables#AGGREGATED_PATCHING}) and the pairs
 * ({@link Tables#PAIRS}). The front ends supply the sinks.
 */
public final class PatchRun {

    /** Told of each pair that does not separate, whose patched values are therefore missing. */
    @FunctionalInterface
    public interface Warnings {
        void notSeparating(PatchPair pair, PairOutcome outcome);
    }

    private final ActivationPatching patching;
    private final boolean aggregate;

    /** @param aggregate true for the summary per group, false for every pair's values */
    public PatchRun(ActivationPatching patching, boolean aggregate) {
        this.patching = patching;
        this.aggregate = aggregate;
    }

    /** The schema of the patching table this run writes. */
    public TableSchema schema() {
        return aggregate ? Tables.AGGREGATED_PATCHING : Tables.PATCHING;
    }

    /**
     * @return the mean restored share per group (aggregated) or per pair, for figures
     */
    public PatchSummary run(List<PatchPair> pairs, TableSink values, TableSink pairTable, Warnings warnings,
            Extractor.ProgressListener progress, BooleanSupplier cancelled) throws Exception {
        ModelInfo info = patching.model().info();
        PatchSummary summary = new PatchSummary();
        int longest = pairs.stream().mapToInt(p -> p.clean().length).max().orElse(0);
        long sites = patching.sitesPerPair(longest);
        long groups = aggregate ? pairs.stream().map(PatchRun::group).distinct().count() : pairs.size();
        GroupMemory.requireFits(groups, aggregate ? "groups" : "pairs", sites, sites * PatchSummary.BYTES_PER_SITE,
                patching.budgetBytes());
        patching.run(pairs, new ActivationPatching.PatchSink() {
            @Override
            public void pair(PatchPair pair, PairOutcome o) throws Exception {
                pairTable.row(pair.id(), new Sequence(pair.id(), pair.clean()).tokensText(),
                        new Sequence(pair.id(), pair.corrupted()).tokensText(),
                        o.answer(), info.tokenLabel(o.answer()), o.wrong(), info.tokenLabel(o.wrong()),
                        o.cleanMetric(), o.corruptedMetric());
                if (!o.separates()) {
                    warnings.notSeparating(pair, o);
                }
            }

            @Override
            public void patched(PatchedValue v) throws Exception {
                PatchPair pair = pairs.get(v.pair());
                if (!aggregate) {
                    values.row(pair.id(), v.site().key(), v.block(), v.head() < 0 ? null : v.head(),
                            v.position() < 0 ? null : v.position(), v.value());
                }
                summary.add(aggregate ? group(pair) : pair.id(), v);
            }
        }, progress, cancelled);
        if (aggregate) {
            summary.write(values);
        }
        return summary;
    }

    private static String group(PatchPair pair) {
        return pair.group() == null ? Tables.ALL_GROUP : pair.group();
    }
}
