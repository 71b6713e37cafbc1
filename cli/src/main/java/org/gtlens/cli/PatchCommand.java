package org.gtlens.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.gtlens.GtLensException;
import org.gtlens.Keyed;
import org.gtlens.causal.ActivationPatching;
import org.gtlens.causal.PairOutcome;
import org.gtlens.causal.PatchPair;
import org.gtlens.causal.PatchSite;
import org.gtlens.causal.PatchSummary;
import org.gtlens.chart.figures.CausalFigures;
import org.gtlens.chart.figures.Figure;
import org.gtlens.csv.input.PairCsvReader;
import org.gtlens.repr.TextTokens;
import org.gtlens.csv.output.CsvTableWriter;
import org.gtlens.files.AtomicOutput;
import org.gtlens.repr.IndexList;
import org.gtlens.repr.Sequence;
import org.gtlens.run.PatchRun;
import org.gtlens.runtime.GTransformer;
import org.gtlens.table.Tables;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code gtlens patch}: where the answer is decided, by putting clean activations back into a corrupted run. */
@Command(name = "patch", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Activation patching: run each corrupted sequence with one activation of its clean sequence "
                + "put back, and measure how much of the clean prediction comes back (1 all, 0 nothing).",
            "Writes DIR/patching.csv (pair,site,block,head,position,value; with --aggregate mean "
                    + "group,site,block,head,position,count,mean,std), DIR/pairs.csv (the compared tokens and the "
                    + "metric of the plain runs) and DIR/patching_resid.png and DIR/patching_head.png. Needs a model "
                    + "of contract version 2. Files appear only when the run completes."})
final class PatchCommand implements Callable<Integer> {

    static final String TABLE = "patching.csv";
    static final String PAIRS = "pairs.csv";

    @Mixin
    ModelOptions model;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Input input;

    static final class Input {
        @ArgGroup(exclusive = false)
        Given given;

        @ArgGroup(exclusive = false)
        FromFile file;
    }

    static final class Given {
        @Option(names = "--clean", paramLabel = "T1,T2,...", required = true,
                description = "A clean sequence, e.g. 4,5,5,5,4 (repeat, once per pair).")
        List<String> clean;

        @Option(names = "--corrupted", paramLabel = "T1,T2,...", required = true,
                description = "Its corrupted sequence, of the same length, e.g. 4,5,6,5,4.")
        List<String> corrupted;
    }

    static final class FromFile {
        @Option(names = "--input", paramLabel = "FILE.csv", required = true,
                description = "CSV with a header and one pair per row.")
        Path file;

        @Option(names = "--clean-column", paramLabel = "NAME", required = true,
                description = "Column of the clean sequences.")
        String cleanColumn;

        @Option(names = "--corrupted-column", paramLabel = "NAME", required = true,
                description = "Column of the corrupted sequences.")
        String corruptedColumn;

        @Option(names = "--answer-column", paramLabel = "NAME",
                description = "Column of the token the clean run should predict last (default and empty cells: "
                        + "the clean run's most probable).")
        String answerColumn;

        @Option(names = "--wrong-column", paramLabel = "NAME",
                description = "Column of the token to compare it with (default and empty cells: the corrupted run's "
                        + "most probable).")
        String wrongColumn;

        @Option(names = "--group-column", paramLabel = "NAME",
                description = "Column whose value groups the pairs for --aggregate.")
        String groupColumn;
    }

    @Option(names = "--as", paramLabel = "ids|text", defaultValue = "ids",
            description = "What --clean and --corrupted (or the clean and corrupted columns) hold: token ids, or text "
                    + "read through the model's vocabulary (default: ${DEFAULT-VALUE}); answer and wrong tokens stay "
                    + "ids.")
    String as = "ids";

    @Option(names = "--sites", paramLabel = "resid,head", defaultValue = "resid,head",
            description = "What to put back: resid (the stream entering a block at one position), head (one head's "
                    + "output at every position) (default: ${DEFAULT-VALUE}).")
    String sites;

    @Option(names = "--blocks", paramLabel = "LIST", defaultValue = "all", description = "Blocks patched "
            + "(default: ${DEFAULT-VALUE}).")
    String blocks;

    @Option(names = "--heads", paramLabel = "LIST", defaultValue = "all", description = "Heads patched (head sites; "
            + "default: ${DEFAULT-VALUE}).")
    String heads;

    @Option(names = "--positions", paramLabel = "LIST", defaultValue = "all",
            description = "Positions patched (resid sites), e.g. 0-3,last (default: ${DEFAULT-VALUE}).")
    String positions;

    @Option(names = "--aggregate", paramLabel = "mean",
            description = "Write, instead of every pair's values, their count, mean and standard deviation per site "
                    + "over all pairs (or per --group-column value).")
    String aggregate;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "256",
            description = "Patched copies of a pair per ONNX Runtime call at most (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--memory", paramLabel = "MB", defaultValue = "512",
            description = "Memory for the patched copies run at once, in MB (default: ${DEFAULT-VALUE}).")
    long memoryMb;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Output folder.")
    Path out;

    @Mixin
    FigureOptions figures;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        OptionValues.checkAggregate(aggregate, spec.commandLine());
        OptionValues.checkBudget(batch, memoryMb, spec.commandLine());
        boolean text = SequenceInput.readsText(as, spec.commandLine());
        List<PatchSite> chosen = new ArrayList<>();
        try {
            for (String s : sites.split(",")) {
                if (!s.isBlank() && !chosen.contains(Keyed.parse(PatchSite.class, s, "site"))) {
                    chosen.add(Keyed.parse(PatchSite.class, s, "site"));
                }
            }
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--sites: " + e.getMessage() + ".");
        }
        if (chosen.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--sites: no site given; choose resid, head or both.");
        }
        IndexList blockList = OptionValues.indexList("--blocks", blocks, spec.commandLine());
        IndexList headList = OptionValues.indexList("--heads", heads, spec.commandLine());
        IndexList positionList = OptionValues.indexList("--positions", positions, spec.commandLine());
        try (org.gtlens.files.OutputLock folder = OutputFolder.prepare(out);
                Interruption interruption = new Interruption(); GTransformer m = model.open()) {
            List<PatchPair> pairs = pairs(text ? TextTokens.of(m.info()) : null);
            if (chosen.contains(PatchSite.RESID)) {
                String lacking = org.gtlens.run.EmptySelection.ofPairs(positionList, "--positions", positions, pairs);
                if (lacking != null) {
                    spec.commandLine().getErr().println("gtlens: warning: " + lacking);
                }
            }
            ActivationPatching patching;
            try {
                patching = new ActivationPatching(m, chosen, blockList, headList, positionList, memoryMb << 20,
                        batch);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage() + ".");
            }
            PatchRun run = new PatchRun(patching, aggregate != null);
            PatchSummary summary;
            List<Path> files;
            try (AtomicOutput table = new AtomicOutput(out.resolve(TABLE));
                    AtomicOutput pairFile = new AtomicOutput(out.resolve(PAIRS));
                    ProgressDisplay progress = new ProgressDisplay(ProgressDisplay.Task.PATCH, pairs.size(), System.err)) {
                CsvTableWriter values = new CsvTableWriter(table.writer(), run.schema());
                CsvTableWriter pairRows = new CsvTableWriter(pairFile.writer(), Tables.PAIRS);
                summary = run.run(pairs, values::row, pairRows::row, this::warn, progress, interruption::requested);
                values.close(); // flushes into the files, which commitAll then finishes
                pairRows.close();
                List<Figure> drawn = new ArrayList<>();
                for (PatchSite site : chosen) {
                    drawn.add(CausalFigures.patching(m.info(), summary, site, group -> panelTitle(group, pairs)));
                }
                files = FigureWriter.writeWith(List.of(table, pairFile), drawn, out, figures,
                        spec.commandLine().getErr());
            }
            spec.commandLine().getOut().println("Patched " + pairs.size() + " pair" + (pairs.size() == 1 ? "" : "s")
                    + " into " + out.resolve(TABLE) + ", " + out.resolve(PAIRS) + " and " + files.size() + " figure"
                    + (files.size() == 1 ? "" : "s") + ".");
        }
        return 0;
    }

    private void warn(PatchPair pair, PairOutcome outcome) {
        spec.commandLine().getErr().println("gtlens: pair " + pair.id() + " does not separate: its clean and "
                + "corrupted runs give the same metric (" + outcome.cleanMetric() + "), so its patched values are "
                + "empty; choose other --answer/--wrong tokens or another corruption.");
    }

    /** A pair's panel shows its two sequences; a group's its name. */
    private static String panelTitle(String group, List<PatchPair> pairs) {
        for (PatchPair p : pairs) {
            if (p.id().equals(group)) {
                return "pair " + p.id() + ": " + new Sequence(p.id(), p.clean()).tokensText() + " → "
                        + new Sequence(p.id(), p.corrupted()).tokensText();
            }
        }
        return group;
    }

    /** @param text reads the sequences as text through the model's vocabulary, or null for token ids */
    private List<PatchPair> pairs(TextTokens text) throws Exception {
        if (input.file != null) {
            FromFile f = input.file;
            return PairCsvReader.read(f.file, f.cleanColumn, f.corruptedColumn, f.answerColumn, f.wrongColumn,
                    f.groupColumn, text);
        }
        if (input.given.clean.size() != input.given.corrupted.size()) {
            throw new ParameterException(spec.commandLine(), "--clean and --corrupted come in pairs: "
                    + input.given.clean.size() + " clean and " + input.given.corrupted.size() + " corrupted given.");
        }
        List<Sequence> clean = text == null ? TokenLists.parse(input.given.clean)
                : SequenceInput.texts("--clean", input.given.clean, text);
        List<Sequence> corrupted = text == null ? TokenLists.parse(input.given.corrupted)
                : SequenceInput.texts("--corrupted", input.given.corrupted, text);
        List<PatchPair> pairs = new ArrayList<>();
        for (int i = 0; i < clean.size(); i++) {
            pairs.add(new PatchPair(Integer.toString(i), clean.get(i).tokens(), corrupted.get(i).tokens(), null,
                    null, null));
        }
        return pairs;
    }

}
