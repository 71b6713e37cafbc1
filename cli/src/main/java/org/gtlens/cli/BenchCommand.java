package org.gtlens.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;

import org.gtlens.GtLensException;
import org.gtlens.bench.CausalBenchmark;
import org.gtlens.runtime.BuiltInModel;
import org.gtlens.bench.ChartBenchmark;
import org.gtlens.bench.ExtractionBenchmark;
import org.gtlens.bench.PythonScript;
import org.gtlens.runtime.GTransformer;
import org.gtlens.model.Kind;
import org.gtlens.repr.BatchResult;
import org.gtlens.repr.Extractor;
import org.gtlens.repr.Sequence;
import org.gtlens.model.ModelInfo;
import org.gtlens.repr.BatchPlan;
import org.gtlens.repr.Selection;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gtlens bench}: prints the figures behind the README's speed claims, measured in this run, next to
 * PyTorch eager and matplotlib on the same weights and inputs where Python is available.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Measure extraction speed (batch 1 and the largest batch within --memory, at most 1024; every "
                + "tensor into Java arrays), end-to-end CSV throughput, memory for a large input, and rendering time "
                + "of the six figures, next to PyTorch eager and matplotlib measured in the same run on the same "
                + "weights, batch sizes and threads. Works for any contract model (--model)."})
final class BenchCommand implements Callable<Integer> {

    @Mixin
    ModelOptions model;

    @Option(names = "--json", description = "Print one JSON object instead of a table.")
    boolean json;

    @Option(names = "--quick", description = "Fewer and smaller runs (a smoke test of the benchmark itself).")
    boolean quick;

    @Option(names = "--no-python", description = "Skip the PyTorch and matplotlib baselines.")
    boolean noPython;

    @Option(names = "--memory", paramLabel = "MB", defaultValue = "512",
            description = "Memory budget of one batch, which sizes the largest batch (default: ${DEFAULT-VALUE}).")
    long memoryMb;

    @Option(names = "--selected-sequences", paramLabel = "N", defaultValue = "1000", converter = OptionValues.Count.class,
            description = "Full-length sequences for the run with --kinds attention --blocks last --positions last "
                    + "to a long CSV (default: ${DEFAULT-VALUE}; 0 skips it).")
    int selectedSequences;

    @Option(names = "--aggregate-sequences", paramLabel = "N", converter = OptionValues.Count.class,
            description = "Sequences for the run with --aggregate mean --group-column (5 groups): default 100000 of "
                    + "the built-in model with all kinds, 1000 full-length sequences of another with attention of "
                    + "every block; 0 skips it.")
    Integer aggregateSequences;

    @Option(names = "--heap-sequences", paramLabel = "N", defaultValue = "1000000", converter = OptionValues.Count.class,
            description = "Sequences for the peak-heap run under -Xmx256m (default: ${DEFAULT-VALUE}; 0 skips it).")
    int heapSequences;

    @Option(names = "--causal-length", paramLabel = "N", converter = OptionValues.Count.class,
            description = "Length of the random sequences and of the pair of the causal benchmarks, 1 to the model's "
                    + "t (default: t).")
    Integer causalLength;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        JsonObject result = new JsonObject();
        result.addProperty("java", System.getProperty("java.version"));
        result.addProperty("cores", Runtime.getRuntime().availableProcessors());
        result.addProperty("intra_op_threads", model.threads);
        Path models = PythonScript.findModelsDir();
        this.err = err;
        try (BenchWorkspace workspace = new BenchWorkspace(err);
                Interruption interruption = workspace.guard(new Interruption()); GTransformer m = model.open()) {
            this.interruption = interruption;
            this.workspace = workspace;
            Path work = workspace.dir();
            result.addProperty("model", m.info().source());
            ExtractionBenchmark bench = new ExtractionBenchmark(m);

            ModelInfo info = m.info();
            OptionValues.checkBudget(1, memoryMb, spec.commandLine()); // bench has no --batch: 1 passes
            int causal = causalLength == null ? info.t() : causalLength;
            if (causal < 1 || causal > info.t()) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--causal-length must be between 1 and "
                        + "the model's t (" + info.t() + "), got " + causal + ".");
            }
            List<String> allOutputs = Selection.all(EnumSet.copyOf(Kind.contract())).outputs(info);
            int largest = new BatchPlan(1024, memoryMb << 20, "--memory").batchFor(info, allOutputs, info.t());
            List<Integer> batches = largest > 1 ? List.of(1, largest) : List.of(1);
            result.addProperty("length", info.t());
            result.addProperty("memory_mb", memoryMb);
            step("extraction of every tensor at batch " + batches + ", sequences of length "
                    + info.t() + "...");
            JsonObject extract = new JsonObject();
            for (int b : batches) {
                extract.addProperty(Integer.toString(b), round(bench.extractSeqPerSecondTimed(b, quick ? 0.3 : 2.0,
                        quick ? 3 : 7)));
            }
            result.add("extract_seq_per_s", extract);
            Path onnx = model.file() != null ? model.file() : models == null ? null
                    : models.resolve(model.builtIn().repositoryPath());
            if (!noPython && models != null && onnx != null) {
                step("PyTorch eager get_representations on the same weights, batches and threads...");
                try {
                    double slowest = Double.MAX_VALUE;
                    for (String b : extract.keySet()) {
                        slowest = Math.min(slowest, extract.get(b).getAsDouble());
                    }
                    // about a second of our rate per timed run: PyTorch is slower, so its runs take longer
                    long minSeqs = Math.max(largest, Math.min(quick ? 256 : 2048, Math.round(slowest)));
                    JsonObject torch = PythonScript.run(models.resolve("bench_torch.py"), 3600,
                            "--onnx", onnx.toAbsolutePath().toString(), "--threads", Integer.toString(model.threads),
                            "--batches", String.join(",", extract.keySet()), "--runs", quick ? "3" : "7",
                            "--min-seqs", Long.toString(minSeqs));
                    result.add("torch_seq_per_s", torch.get("torch_seq_per_s"));
                    result.addProperty("torch_version", torch.get("torch_version").getAsString());
                    JsonObject ratio = new JsonObject();
                    for (String b : extract.keySet()) {
                        double ours = extract.get(b).getAsDouble();
                        double theirs = torch.getAsJsonObject("torch_seq_per_s").get(b).getAsDouble();
                        ratio.addProperty(b, Math.round(ours / theirs * 10) / 10.0);
                    }
                    result.add("speedup_vs_torch", ratio);
                } catch (IOException e) {
                    result.addProperty("torch_skipped", e.getMessage());
                }
            } else {
                result.addProperty("torch_skipped", noPython ? "--no-python"
                        : "models/ folder not found (run from the repository)");
            }

            step("zero ablation of every head and full patching of one pair, length " + causal + ", next to "
                    + "PyTorch with hooks...");
            result.add("causal", new CausalBenchmark(m, memoryMb << 20, causal).report(noPython ? null : models,
                    onnx, model.threads, quick));

            if (selectedSequences > 0) {
                step("" + selectedSequences + " full-length sequences, --kinds attention --blocks last "
                        + "--positions last, to a long CSV (a JVM of its own)...");
                result.add("selected_to_csv", selectedProbe(m, work, selectedSequences));
            }

            boolean builtIn = model.builtIn() == BuiltInModel.TOY;
            int aggN = aggregateSequences != null ? aggregateSequences : quick ? (builtIn ? 10_000 : 50)
                    : builtIn ? 100_000 : 1000;
            if (aggN > 0) {
                String kinds = builtIn ? "attention,queries,keys,values,out,logprobs" : "attention";
                step("--aggregate mean --group-column over " + aggN + " sequences (" + kinds
                        + ", a JVM of its own)...");
                JsonObject probe = childProbe(m, work, "grouped", aggN, 5, "-Xmx2g", kinds, "all", "all");
                probe.addProperty("groups", 5);
                probe.addProperty("kinds", kinds);
                result.add("aggregate_by_group", probe);
            }

            long rowsPerSequence = Selection.all(EnumSet.copyOf(Kind.contract())).withKeepMasked(false)
                    .longRows(info, info.t());
            if (rowsPerSequence > 10_000) {
                result.addProperty("end_to_end_skipped", rowsPerSequence + " long-table rows per sequence with all "
                        + "kinds: a table too large to benchmark whole; see selected_to_csv");
                step("rendering skipped for a model of this size");
                return print(out, result);
            }
            int e2eN = quick ? 20_000 : 200_000;
            long e2eBytes = 3 * e2eN * rowsPerSequence * 45; // the zeros, the table of all kinds, of attention
            String e2eSpace = BenchLimits.spaceProblem(work, e2eBytes);
            if (e2eSpace != null) {
                result.addProperty("end_to_end_skipped", e2eSpace);
                err.println("bench: " + e2eSpace);
                return print(out, result);
            }
            step("end to end, " + e2eN + " sequences from CSV to long CSV...");
            Path csv = ExtractionBenchmark.writeSequenceCsv(m.info(), e2eN, work.resolve("sequences.csv"));
            // the disk's own speed for a file about the size of the all-kinds table (45 bytes a row, as the default
            // model's has), measured first: the CSV runs, not this one, start behind the other's unwritten pages
            step("writing zeros to the same disk, as many bytes as the long CSV of all kinds...");
            long tableBytes = e2eN * Selection.all(EnumSet.copyOf(Kind.contract())).longRows(m.info(), m.info().t())
                    * 45;
            result.addProperty("disk_write_mb_per_s_same_size", round(ExtractionBenchmark.rawWriteMbPerSecond(
                    Files.createDirectories(work.resolve("zeros")), tableBytes)));
            JsonObject e2e = new JsonObject();
            ExtractionBenchmark.EndToEnd all = bench.endToEnd(csv, Files.createDirectories(work.resolve("all")),
                    EnumSet.copyOf(Kind.contract()), 256);
            e2e.addProperty("all_kinds", round(all.seqPerSecond()));
            ExtractionBenchmark.EndToEnd attention = bench.endToEnd(csv,
                    Files.createDirectories(work.resolve("attention")), EnumSet.of(Kind.ATTENTION), 256);
            e2e.addProperty("attention_only", round(attention.seqPerSecond()));
            result.add("end_to_end_seq_per_s", e2e);
            JsonObject rows = new JsonObject();
            rows.addProperty("all_kinds", Math.round(all.rowsPerSecond()));
            rows.addProperty("attention_only", Math.round(attention.rowsPerSecond()));
            result.add("end_to_end_rows_per_s", rows);
            result.addProperty("end_to_end_sequences", e2eN);
            result.addProperty("end_to_end_csv_mb_all_kinds", round(all.representationBytes() / 1e6));
            result.addProperty("end_to_end_disk_mb_per_s_all_kinds",
                    round(all.representationBytes() / 1e6 * all.seqPerSecond() / e2eN));
            step("the same, " + e2eN + " sequences, text counted and dropped (no disk)...");
            JsonObject noDisk = new JsonObject();
            ExtractionBenchmark.EndToEnd allNoDisk = bench.withoutDisk(csv, EnumSet.copyOf(Kind.contract()), 256);
            noDisk.addProperty("all_kinds", round(allNoDisk.seqPerSecond()));
            noDisk.addProperty("attention_only",
                    round(bench.withoutDisk(csv, EnumSet.of(Kind.ATTENTION), 256).seqPerSecond()));
            result.add("end_to_end_seq_per_s_without_disk", noDisk);

            if (heapSequences > 0) {
                int n = BenchLimits.boundedSequences(info, heapSequences);
                step("peak heap for " + n + " sequences under -Xmx256m" + (n < heapSequences ? " (bounded from "
                        + heapSequences + " so that its table stays within " + BatchPlan.mb(BenchLimits.MAX_TABLE_BYTES) + ")"
                        : "") + "...");
                String space = BenchLimits.spaceProblem(work, BenchLimits.heapTableBytes(info, n));
                if (space != null) {
                    result.addProperty("heap_probe_skipped", space);
                    err.println("bench: " + space);
                } else {
                    JsonObject probe = heapProbe(m, work, n);
                    if (n < heapSequences) {
                        probe.addProperty("bounded_from", heapSequences);
                    }
                    result.add("heap_probe", probe);
                }
            }
            step("rendering the six figures of [4,5,5,5,4]...");
            renderFigures(m, models, result);
            step("rendering attention of former's default size (one 256x256 head, 12 x 8 of them)...");
            renderLarge(models, result);
        }
        return print(out, result);
    }

    private int print(PrintWriter out, JsonObject result) {
        out.println(json ? new Gson().toJson(result) : new GsonBuilder().setPrettyPrinting().create().toJson(result));
        return 0;
    }

    /** A selected run of a large input: seconds, peak heap and peak resident memory, in a child JVM. */
    private JsonObject selectedProbe(GTransformer m, Path work, int n) throws IOException, InterruptedException {
        JsonObject probe = childProbe(m, work, "selected", n, 0, "-Xmx1g", "attention", "last", "last");
        probe.addProperty("selection", "--kinds attention --blocks last --positions last");
        return probe;
    }

    private void renderFigures(GTransformer m, Path models, JsonObject result) throws Exception {
        int[] seed = m.info().t() >= 5 ? new int[] {4, 5, 5, 5, 4} : new int[] {0};
        BatchResult batch = new Extractor(m, EnumSet.copyOf(Kind.contract()), 1).extract(new Sequence("0", seed));
        ChartBenchmark.Timing timing = ChartBenchmark.measure(batch, 0, quick ? 5 : 21);
        result.addProperty("render_six_figures_ms", round(timing.warmMedianMs()));
        result.addProperty("render_six_figures_cold_ms", round(timing.coldMs()));
        if (noPython || models == null || model.builtIn() != BuiltInModel.TOY) {
            result.addProperty("matplotlib_skipped", noPython ? "--no-python" : "needs the repository's models/ "
                    + "folder and the built-in model");
            return;
        }
        try {
            JsonObject mpl = PythonScript.run(models.resolve("seed_figures.py"), 900, "--bench", quick ? "3" : "7");
            JsonObject times = mpl.getAsJsonObject("matplotlib_six_figures_ms");
            result.add("matplotlib_six_figures_ms", times);
            double warm = times.get("median_warm").getAsDouble();
            result.addProperty("render_speedup_vs_matplotlib", round(warm / timing.warmMedianMs()));
        } catch (IOException e) {
            result.addProperty("matplotlib_skipped", e.getMessage());
        }
    }

    /** Rendering at former's default size, next to matplotlib's. */
    private void renderLarge(Path models, JsonObject result) {
        int runs = quick ? 3 : 7;
        ChartBenchmark.Timing head = ChartBenchmark.measure(() -> List.of(ChartBenchmark.largeAttention(true)), runs);
        ChartBenchmark.Timing grid = ChartBenchmark.measure(() -> List.of(ChartBenchmark.largeAttention(false)),
                runs);
        JsonObject ours = new JsonObject();
        ours.addProperty("head_256", round(head.warmMedianMs()));
        ours.addProperty("grid_12x8_256", round(grid.warmMedianMs()));
        result.add("render_large_ms", ours);
        if (noPython || models == null) {
            result.addProperty("matplotlib_large_skipped", noPython ? "--no-python" : "needs the models/ folder");
            return;
        }
        try {
            JsonObject mpl = PythonScript.run(models.resolve("seed_figures.py"), 900, "--bench-large",
                    quick ? "1" : "3");
            JsonObject times = mpl.getAsJsonObject("matplotlib_large_ms");
            result.add("matplotlib_large_ms", times);
            JsonObject speedup = new JsonObject();
            speedup.addProperty("head_256", round(times.get("head_256").getAsDouble() / head.warmMedianMs()));
            speedup.addProperty("grid_12x8_256",
                    round(times.get("grid_12x8_256").getAsDouble() / grid.warmMedianMs()));
            result.add("render_large_speedup_vs_matplotlib", speedup);
        } catch (IOException e) {
            result.addProperty("matplotlib_large_skipped", e.getMessage());
        }
    }

    private JsonObject heapProbe(GTransformer m, Path work, int n) throws IOException, InterruptedException {
        JsonObject probe = childProbe(m, work, "heap", n, 0, "-Xmx256m", "attention", "all", "all");
        probe.addProperty("xmx", "256m");
        probe.addProperty("kinds", "attention (long layout to disk) + predictions");
        return probe;
    }

    private PrintWriter err;
    private Interruption interruption;
    private BenchWorkspace workspace;

    /** Says what the benchmark does next; stops the run there when it was interrupted. */
    private void step(String what) throws GtLensException {
        if (interruption != null && interruption.requested()) {
            throw new GtLensException("Interrupted; the benchmark's temporary files are removed.");
        }
        err.println("bench: " + what);
    }

    private static double round(double v) {
        return BenchLimits.round(v);
    }

    /** {@link BenchWorkspace#childProbe} with this run's model, budget and threads. */
    private JsonObject childProbe(GTransformer m, Path work, String name, int n, int groups, String xmx, String kinds,
            String blocks, String positions) throws IOException, InterruptedException {
        return workspace.childProbe(m.info(),
                model.file() == null ? model.builtIn().key() : model.file().toString(), memoryMb, model.threads, name, n, groups, xmx, kinds,
                blocks, positions);
    }

}
