package org.gtlens.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.gtlens.GtLensException;
import org.gtlens.Keyed;
import org.gtlens.causal.AblationMethod;
import org.gtlens.causal.EffectSummary;
import org.gtlens.causal.HeadAblation;
import org.gtlens.chart.figures.CausalFigures;
import org.gtlens.csv.input.SequenceCsvReader;
import org.gtlens.csv.output.CsvTableWriter;
import org.gtlens.files.AtomicOutput;
import org.gtlens.repr.Extractor;
import org.gtlens.repr.Item;
import org.gtlens.repr.Sequence;
import org.gtlens.run.AblationRun;
import org.gtlens.runtime.GTransformer;
import org.gtlens.table.Tables;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code gtlens ablate}: which heads matter, by running the model with each head ablated in turn. */
@Command(name = "ablate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Ablate every attention head in turn and measure how the model's predictions change.",
            "Writes DIR/ablation.csv (sequence,method,block,head,metric,value: loss_increase, logprob_change and kl "
                    + "per sequence and head), DIR/ablation_summary.csv (their count, mean and standard deviation per "
                    + "--group-column value) and DIR/head_ablation.png. Needs a model of contract version 2. Files "
                    + "appear only when the run completes."})
final class AblateCommand implements Callable<Integer> {

    static final String EFFECTS = "ablation.csv";
    static final String SUMMARY = "ablation_summary.csv";

    @Mixin
    ModelOptions model;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Input input;

    static final class Input {
        @Option(names = "--tokens", paramLabel = "T1,T2,...", required = true,
                description = "A sequence of token ids, e.g. 4,5,5,5,4 (repeat for more sequences).")
        List<String> tokens;

        @Option(names = "--input", paramLabel = "FILE.csv", required = true,
                description = "CSV with a header and one sequence per row, as for extract.")
        Path file;
    }

    @Option(names = "--column", paramLabel = "NAME", description = "Column of --input holding the sequences.")
    String column;

    @Option(names = "--group-column", paramLabel = "NAME",
            description = "Column of --input whose value groups the sequences in the summary (e.g. the class).")
    String groupColumn;

    @Option(names = "--method", paramLabel = "zero|mean", defaultValue = "zero",
            description = "What replaces an ablated head's output: zero, or its mean over the input's sequences at "
                    + "each position (needs 2 or more sequences) (default: ${DEFAULT-VALUE}).")
    String method;

    @Option(names = "--memory", paramLabel = "MB", defaultValue = "512",
            description = "Memory for the ablated copies of a sequence run at once, in MB (default: "
                    + "${DEFAULT-VALUE}).")
    long memoryMb;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Output folder.")
    Path out;

    @Mixin
    FigureOptions figures;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        AblationMethod chosen;
        try {
            chosen = Keyed.parse(AblationMethod.class, method, "method");
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--method: " + e.getMessage() + ".");
        }
        if (memoryMb < 1 || memoryMb > (1L << 30)) {
            throw new ParameterException(spec.commandLine(), "--memory must be between 1 and " + (1L << 30)
                    + " MB, got " + memoryMb + ".");
        }
        if ((column != null || groupColumn != null) && input.file == null) {
            throw new ParameterException(spec.commandLine(), "--column and --group-column need --input.");
        }
        List<Sequence> sequences = new ArrayList<>();
        List<String> groups = groupColumn == null ? null : new ArrayList<>();
        read(sequences, groups);
        OutputFolder.prepare(out);
        try (Interruption interruption = new Interruption(); GTransformer m = model.open()) {
            HeadAblation ablation = new HeadAblation(m, chosen, memoryMb << 20);
            EffectSummary summary;
            try (AtomicOutput effects = new AtomicOutput(out.resolve(EFFECTS));
                    AtomicOutput summaries = new AtomicOutput(out.resolve(SUMMARY));
                    ProgressDisplay progress = new ProgressDisplay(sequences.size(), System.err)) {
                CsvTableWriter e = new CsvTableWriter(effects.writer(), Tables.ABLATION);
                CsvTableWriter s = new CsvTableWriter(summaries.writer(), Tables.AGGREGATED_ABLATION);
                summary = new AblationRun(ablation).run(sequences, groups, e::row, s::row, progress,
                        interruption::requested);
                e.close(); // flushes into the file, which commitAll then finishes
                s.close();
                AtomicOutput.commitAll(List.of(effects, summaries));
            }
            List<Path> files = FigureWriter.write(List.of(CausalFigures.headAblation(m.info(), summary, chosen)), out,
                    figures, spec.commandLine().getErr());
            spec.commandLine().getOut().println("Ablated " + m.info().depth() * m.info().heads() + " heads on "
                    + sequences.size() + " sequence" + (sequences.size() == 1 ? "" : "s") + " (" + chosen.key()
                    + ") into " + out.resolve(EFFECTS) + ", " + out.resolve(SUMMARY) + " and " + files.get(0) + ".");
        }
        return 0;
    }

    private void read(List<Sequence> sequences, List<String> groups) throws IOException, GtLensException {
        if (input.file == null) {
            sequences.addAll(TokenLists.parse(input.tokens));
            return;
        }
        try (SequenceCsvReader reader = new SequenceCsvReader(input.file, column, groupColumn)) {
            for (Item<String> item = reader.nextItem(); item != null; item = reader.nextItem()) {
                sequences.add(item.sequence());
                if (groups != null) {
                    groups.add(item.origin());
                }
            }
        }
    }
}
