package org.gtlens.cli;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import org.gtlens.runtime.GTransformer;
import org.gtlens.model.Kind;
import org.gtlens.repr.BatchResult;
import org.gtlens.repr.Extractor;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gtlens render}: the heatmap figures of one sequence. */
@Command(name = "render", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Draw the figures of one sequence: attention_maps, query_matrices, key_matrices, "
                + "value_matrices, out_matrices, prob_matrices (one file each, for the chosen kinds)."})
final class RenderCommand implements Callable<Integer> {

    @Mixin
    ModelOptions model;

    @picocli.CommandLine.ArgGroup(exclusive = true, multiplicity = "1")
    OneSequence sequence;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Output folder.")
    Path out;

    @Option(names = "--kinds", paramLabel = "K1,K2", converter = KindList.class,
            description = "Kinds to draw: attention,queries,keys,values,out,logprobs,rollout (default: the six "
                    + "contract kinds).")
    Set<Kind> kinds;

    @Option(names = "--summary", description = "Also draw head_scores (one block x head panel per score) and "
            + "lens_stats (one block x position panel per statistic).")
    boolean summary;

    @Mixin
    FigureOptions figures;

    @Mixin
    SelectionOptions selection;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        figures.validate(spec.commandLine());
        org.gtlens.repr.BatchPlan plan = selection.plan(1, spec.commandLine());
        Set<Kind> chosen = kinds == null ? EnumSet.copyOf(Kind.contract()) : kinds;
        try (org.gtlens.files.OutputLock folder = OutputFolder.prepare(out);
                Interruption interruption = new Interruption(); GTransformer m = model.open()) {
            java.util.Set<Kind> fetch = EnumSet.copyOf(chosen);
            if (summary) {
                fetch.addAll(org.gtlens.analysis.Summaries.NEEDS);
            }
            org.gtlens.repr.Selection chosenSelection = selection.selection(chosen, m.info(), spec.commandLine());
            org.gtlens.repr.Sequence one = OneSequence.of(sequence, null, m.info());
            org.gtlens.run.EmptySelection.requireRows(chosenSelection, "--positions", selection.positions, one);
            // --memory: the one sequence must fit the budget, as a batch of extract must
            plan.batchFor(m.info(), org.gtlens.repr.Selection.all(fetch).outputs(m.info()), one.length());
            BatchResult batch = new Extractor(m, fetch, 1).extract(one);
            List<Path> files = FigureWriter.write(batch, 0, chosen, chosenSelection, summary, out, figures,
                    spec.commandLine().getErr());
            for (Path f : files) {
                spec.commandLine().getOut().println(f);
            }
        }
        return 0;
    }
}
