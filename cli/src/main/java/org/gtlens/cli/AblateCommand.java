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
import org.gtlens.model.ModelInfo;
import org.gtlens.repr.IndexList;
import org.gtlens.repr.Item;
import org.gtlens.repr.Sequence;
import org.gtlens.run.AblationRun;
import org.gtlens.runtime.GTransformer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code gtlens ablate}: which heads matter, by running the model with each head ablated in turn. */
@Command(name = "ablate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Ablate every attention head in turn and measure how the model's predictions change.",
            "Writes DIR/ablation.csv (sequence,block,head,metric,value: loss_increase, logprob_change and kl per "
                    + "sequence and head; with --aggregate mean group,block,head,metric,count,mean,std) and "
                    + "DIR/head_ablation.png (the means per group). Needs a model of contract version 2. Files appear "
                    + "only when the run completes."})
final class AblateCommand implements Callable<Integer> {

    static final String TABLE = "ablation.csv";

    @Mixin
    ModelOptions model;

    @Mixin
    SequenceInput input;

    @Option(names = "--blocks", paramLabel = "LIST", defaultValue = "all",
            description = "Blocks whose heads are ablated: all, or indices and ranges, e.g. 0,2-3,last (default: "
                    + "${DEFAULT-VALUE}).")
    String blocks;

    @Option(names = "--heads", paramLabel = "LIST", defaultValue = "all",
            description = "Heads ablated in each of those blocks, as --blocks (default: ${DEFAULT-VALUE}).")
    String heads;

    @Option(names = "--aggregate", paramLabel = "mean",
            description = "Write, instead of every sequence's effects, their count, mean and standard deviation per "
                    + "head and metric over all sequences (or per --group-column value).")
    String aggregate;

    @Option(names = "--group-column", paramLabel = "NAME",
            description = "Column of --input whose value groups the sequences (e.g. the class); also groups the "
                    + "figure's means.")
    String groupColumn;

    @Option(names = "--method", paramLabel = "zero|mean", defaultValue = "zero",
            description = "What replaces an ablated head's output: zero, or its mean over the input's sequences at "
                    + "each position (needs 2 or more sequences) (default: ${DEFAULT-VALUE}).")
    String method;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "256",
            description = "Ablated copies of a sequence per ONNX Runtime call at most (default: ${DEFAULT-VALUE}); "
                    + "fewer when --memory asks for it.")
    int batch;

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
        OptionValues.checkBudget(batch, memoryMb, spec.commandLine());
        input.check(spec.commandLine(), groupColumn);
        OptionValues.checkAggregate(aggregate, spec.commandLine());
        IndexList blockList = OptionValues.indexList("--blocks", blocks, spec.commandLine());
        IndexList headList = OptionValues.indexList("--heads", heads, spec.commandLine());
        try (org.gtlens.files.OutputLock folder = OutputFolder.prepare(out);
                Interruption interruption = new Interruption(); GTransformer m = model.open()) {
            List<Sequence> sequences = new ArrayList<>();
            List<String> groups = groupColumn == null ? null : new ArrayList<>();
            read(m.info(), sequences, groups);
            HeadAblation ablation;
            try {
                ablation = new HeadAblation(m, chosen, blockList, headList, memoryMb << 20, batch);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage() + ".");
            }
            AblationRun run = new AblationRun(ablation, aggregate != null);
            EffectSummary summary;
            List<Path> files;
            try (AtomicOutput file = new AtomicOutput(out.resolve(TABLE));
                    ProgressDisplay progress = new ProgressDisplay(ProgressDisplay.Task.ABLATE, sequences.size(), System.err)) {
                CsvTableWriter table = new CsvTableWriter(file.writer(), run.schema());
                summary = run.run(sequences, groups, table::row, progress, interruption::requested);
                table.close(); // flushes into the file, which commitAll then finishes
                files = FigureWriter.writeWith(List.of(file), List.of(CausalFigures.headAblation(m.info(), summary,
                        chosen)), out, figures, spec.commandLine().getErr());
            }
            spec.commandLine().getOut().println("Ablated " + ablation.heads().size() + " heads on "
                    + sequences.size() + " sequence" + (sequences.size() == 1 ? "" : "s") + " (" + chosen.key()
                    + ") into " + out.resolve(TABLE) + " and " + files.get(0) + ".");
        }
        return 0;
    }

    private void read(ModelInfo info, List<Sequence> sequences, List<String> groups)
            throws IOException, GtLensException {
        if (!input.fromFile()) {
            sequences.addAll(input.given(info));
            return;
        }
        try (SequenceCsvReader reader = input.reader(info, groupColumn)) {
            for (Item<String> item = reader.nextItem(); item != null; item = reader.nextItem()) {
                sequences.add(item.sequence());
                if (groups != null) {
                    groups.add(item.origin());
                }
            }
        }
    }
}
