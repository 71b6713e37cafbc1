package org.gtlens.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;

import org.gtlens.chart.figures.Figure;
import org.gtlens.chart.figures.RepresentationFigures;
import org.gtlens.runtime.GTransformer;
import org.gtlens.model.Kind;
import org.gtlens.model.ModelInfo;
import org.gtlens.csv.output.CsvTables;
import org.gtlens.repr.BatchPlan;
import org.gtlens.repr.Selection;
import org.gtlens.run.TableJob;
import org.gtlens.run.TableRun;
import org.gtlens.table.Layout;
import org.gtlens.repr.Extractor;
import org.gtlens.repr.Prediction;
import org.gtlens.repr.Sequence;
import org.gtlens.repr.SequenceSource;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gtlens demo}: the whole pipeline once, on the built-in model and the example sequence 4,5,5,5,4. */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run the main job once: on the default model and the example [4,5,5,5,4], print the model "
                + "summary and the predicted next tokens, write the six figures (PNG) and the tables (CSV) into "
                + "./gtlens-out/."})
final class DemoCommand implements Callable<Integer> {

    @Mixin
    ModelOptions model;

    /** The example sequence. */
    static final String EXAMPLE = "4,5,5,5,4";

    /** --tokens or --text; the example sequence when neither is given. */
    @picocli.CommandLine.ArgGroup(exclusive = true, multiplicity = "0..1")
    OneSequence sequence;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "gtlens-out",
            description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Mixin
    FigureOptions figures;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        figures.validate(spec.commandLine());
        PrintWriter stdout = spec.commandLine().getOut();
        try (org.gtlens.files.OutputLock folder = OutputFolder.prepare(out);
                Interruption interruption = new Interruption(); GTransformer m = model.open()) {
            ModelInfo info = m.info();
            stdout.println(info.summary());
            stdout.println();
            Sequence sequence = OneSequence.of(this.sequence, EXAMPLE, info);
            Prediction[] predicted = new Prediction[1];
            List<Figure> drawn = new ArrayList<>();
            TableJob job = TableJob.representations(Selection.all(Kind.contract()), BatchPlan.of(1), Layout.LONG);
            TableRun<Sequence> run = new TableRun<Sequence>(job, m, null).onBatch(batch -> {
                predicted[0] = batch.prediction(0);
                drawn.addAll(RepresentationFigures.build(batch, 0));
            });
            List<Path> figureFiles;
            try (CsvTables<Sequence> tables = CsvTables.inFolder(out, job, info)) {
                run.run(SequenceSource.of(List.of(sequence)).items(), tables, Extractor.ProgressListener.NONE,
                        interruption::requested);
                tables.finish();
                // the tables and the figures appear together or not at all
                figureFiles = FigureWriter.writeWith(tables.files(), drawn, out, figures, spec.commandLine().getErr());
            }
            Prediction p = predicted[0];
            stdout.println("sequence:    " + sequence.tokensText());
            StringBuilder next = new StringBuilder();
            for (int i = 0; i < p.length(); i++) {
                next.append(String.format("  after position %d (%s): %s  p=%.3f%n", i,
                        info.tokenLabel(sequence.token(i)), info.tokenLabel(p.nextToken(i)), p.probability(i)));
            }
            stdout.print("predicted next tokens:\n" + next);
            stdout.println("next token:  " + info.tokenLabel(p.last()) + String.format(" (p=%.3f)",
                    p.lastProbability()));
            stdout.println();
            stdout.println("wrote " + out.resolve(CsvTables.REPRESENTATIONS));
            stdout.println("wrote " + out.resolve(CsvTables.PREDICTIONS));
            for (Path f : figureFiles) {
                stdout.println("wrote " + f);
            }
        }
        return 0;
    }
}
