package org.gtlens.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;

import org.gtlens.GtLensException;
import org.gtlens.runtime.GTransformer;
import org.gtlens.model.Kind;
import org.gtlens.csv.output.CsvTables;
import org.gtlens.run.Output;
import org.gtlens.run.TableJob;
import org.gtlens.run.TableRun;
import org.gtlens.table.Layout;
import org.gtlens.repr.BatchPlan;
import org.gtlens.repr.Extractor;
import org.gtlens.repr.SequenceSource;
import org.gtlens.csv.input.SequenceCsvReader;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gtlens extract}: token sequences in, representation and prediction tables out. */
@Command(name = "extract", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Extract every inner representation of the model for token sequences.",
            "Writes DIR/representations.csv (long layout: sequence,block,head,kind,row,col,row_label,col_label,value;"
                    + " or one row per matrix row with --layout matrix) and DIR/predictions.csv (the predicted next "
                    + "token of each sequence). Files appear only when the run completes."})
final class ExtractCommand implements Callable<Integer> {

    @Mixin
    ModelOptions model;

    @Mixin
    SequenceInput input;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Output folder.")
    Path out;

    @Option(names = "--layout", paramLabel = "long|matrix", defaultValue = "long",
            converter = LayoutConverter.class, description = "Table layout (default: ${DEFAULT-VALUE}).")
    Layout layout;

    @Option(names = "--kinds", paramLabel = "K1,K2", converter = KindList.class,
            description = "Kinds to extract: attention,queries,keys,values,out,logprobs,rollout (default: the six "
                    + "contract kinds, all but rollout).")
    Set<Kind> kinds;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "256",
            description = "Sequences per ONNX Runtime call at most (default: ${DEFAULT-VALUE}); fewer when --memory "
                    + "asks for it.")
    int batch;

    @Mixin
    SelectionOptions select;

    @Mixin
    TableSelectionOptions tableSelect;

    @Option(names = "--aggregate", paramLabel = "mean",
            description = "Write, instead of every sequence's values, their count, mean and standard deviation per "
                    + "cell over all sequences (or per --group-column value).")
    String aggregate;

    @Option(names = "--group-column", paramLabel = "NAME",
            description = "Column of --input whose value groups the sequences for --aggregate (e.g. the class).")
    String groupColumn;

    @Option(names = "--summary",
            description = "Also write DIR/head_scores.csv (entropy, previous_token, self, first_token, duplicate_token, "
                    + "induction per block and "
                    + "head) and DIR/lens_stats.csv (entropy, kl_to_final, final_token_rank, max_probability per block "
                    + "and position), always over every block, head and position whatever --blocks, --heads and "
                    + "--positions select; aggregated with --aggregate.")
    boolean summary;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        BatchPlan plan = select.plan(batch, spec.commandLine());
        input.check(spec.commandLine(), null);
        OptionValues.checkAggregate(aggregate, spec.commandLine());
        if (groupColumn != null && (!input.fromFile() || aggregate == null)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--group-column needs --input and --aggregate mean.");
        }
        Set<Kind> chosen = kinds == null ? EnumSet.copyOf(Kind.contract()) : kinds;
        try (org.gtlens.files.OutputLock folder = OutputFolder.prepare(out);
                Interruption interruption = new Interruption(); GTransformer m = model.open()) {
            TableJob job;
            TableRun<String> run;
            try {
                job = new TableJob(select.selection(chosen, m.info(), spec.commandLine(), tableSelect.topK,
                        tableSelect.keepMasked), plan, layout,
                        aggregate != null, summary ? EnumSet.allOf(Output.class) : EnumSet.of(Output.REPRESENTATIONS));
                run = new TableRun<>(job, m, Function.identity());
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--aggregate: " + e.getMessage()
                        + ".");
            }
            long n;
            org.gtlens.run.EmptySelection empty = new org.gtlens.run.EmptySelection(job.selection(), "--positions",
                    select.positions);
            java.io.PrintWriter err = spec.commandLine().getErr();
            java.util.function.Consumer<String> warning = w -> err.println("gtlens: warning: " + w);
            if (input.fromFile()) {
                try (SequenceCsvReader reader = input.reader(m.info(), groupColumn);
                        ProgressDisplay progress = new ProgressDisplay(ProgressDisplay.Task.EXTRACT, countDataLines(input.file()), System.err)) {
                    n = CsvTables.write(run, job, empty.watch(reader::nextItem, warning), out, progress,
                            interruption::requested);
                }
            } else {
                n = CsvTables.write(run, job, empty.watch(SequenceSource.of(input.given(m.info())).<String>items(),
                        warning), out, Extractor.ProgressListener.NONE, interruption::requested);
            }
            spec.commandLine().getOut().println("Extracted " + n + " sequence" + (n == 1 ? "" : "s") + " into "
                    + out.resolve(CsvTables.REPRESENTATIONS) + " and " + out.resolve(CsvTables.PREDICTIONS)
                    + (summary ? ", " + CsvTables.HEAD_SCORES + " and " + CsvTables.LENS_STATS : "")
                    + " (batches of up to " + run.extractor().largestBatchUsed() + " sequences within "
                    + BatchPlan.mb(plan.budgetBytes()) + ").");
        }
        return 0;
    }

    /**
     * Non-blank lines after the header, for the progress bar, counted in bytes (a line is never held: the file may
     * have one huge line); the reader reports a file it cannot read.
     */
    static long countDataLines(Path file) {
        try (var in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            long lines = 0;
            boolean content = false;
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                for (int i = 0; i < n; i++) {
                    byte b = buffer[i];
                    if (b == '\n') {
                        lines += content ? 1 : 0;
                        content = false;
                    } else if (b != ' ' && b != '\t' && b != '\r') {
                        content = true;
                    }
                }
            }
            lines += content ? 1 : 0;
            return Math.max(0, lines - 1);
        } catch (IOException e) {
            return -1;
        }
    }

    /** Accepts long or matrix in any case. */
    static final class LayoutConverter implements picocli.CommandLine.ITypeConverter<Layout> {
        @Override
        public Layout convert(String value) {
            Layout layout = Layout.fromKey(value);
            if (layout == null) {
                throw new picocli.CommandLine.TypeConversionException("'" + value + "' is not a layout; choose long "
                        + "or matrix");
            }
            return layout;
        }
    }
}
