package org.gtlens.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.google.gson.JsonObject;
import org.gtlens.causal.ActivationPatching;
import org.gtlens.causal.AblationMethod;
import org.gtlens.causal.HeadAblation;
import org.gtlens.causal.PatchPair;
import org.gtlens.causal.PatchSite;
import org.gtlens.model.ModelInfo;
import org.gtlens.repr.Extractor;
import org.gtlens.repr.IndexList;
import org.gtlens.repr.Sequence;
import org.gtlens.runtime.GTransformer;

/**
 * The speed of the causal analyses on random sequences of one length (the model's t unless told): a zero-ablation
 * sweep of every head (sequences per second) and the resid and head patching of one pair (seconds), each the median
 * of timed runs after a warm-up, batched as models/bench_causal.py batches PyTorch's runs for the same comparison.
 */
public final class CausalBenchmark {

    /** Most copies per run, as the command line's default --batch. */
    private static final int MAX_COPIES = 256;

    private final GTransformer model;
    private final ModelInfo info;
    private final long budgetBytes;
    private final int length;

    /** @param length the sequences' length, 1..t */
    public CausalBenchmark(GTransformer model, long budgetBytes, int length) {
        this.model = model;
        this.info = model.info();
        this.budgetBytes = budgetBytes;
        this.length = length;
    }

    /**
     * The causal figures next to PyTorch's with hooks (models/bench_causal.py, same weights, batch and threads):
     * ablation sweep of every head in sequences per second, one pair's full patching in seconds, and the ratios.
     *
     * @param models the repository's models/ folder, or null to skip PyTorch
     * @param onnx   the model file PyTorch rebuilds the model from, or null to skip PyTorch
     */
    public JsonObject report(Path models, Path onnx, int threads, boolean quick) throws Exception {
        JsonObject r = new JsonObject();
        if (!info.takesInterventions()) {
            r.addProperty("skipped", "the model follows contract version " + info.contract() + " (no interventions)");
            return r;
        }
        int copies = copiesPerRun();
        int sequences = quick ? 2 : 8;
        int runs = quick ? 1 : 3;
        r.addProperty("length", length);
        r.addProperty("copies_per_run", copies);
        r.addProperty("ablation_sequences", sequences);
        double ablation = ablationSeqPerSecond(sequences, runs);
        double patching = patchingSeconds(runs);
        r.addProperty("ablation_seq_per_s", round(ablation));
        r.addProperty("patching_s", round(patching));
        if (models == null || onnx == null) {
            r.addProperty("torch_skipped", "no models/ folder or model file");
            return r;
        }
        try {
            String[] common = {"--onnx", onnx.toAbsolutePath().toString(), "--threads", Integer.toString(threads),
                "--batch", Integer.toString(copies), "--runs", Integer.toString(runs), "--length",
                Integer.toString(length)};
            JsonObject a = PythonScript.run(models.resolve("bench_causal.py"), 3600, concat(new String[] {"ablate",
                "--sequences", Integer.toString(sequences)}, common));
            JsonObject p = PythonScript.run(models.resolve("bench_causal.py"), 3600, concat(new String[] {"patch"},
                    common));
            double torchAblation = a.get("torch_ablation_seq_per_s").getAsDouble();
            double torchPatching = p.get("torch_patching_s").getAsDouble();
            r.addProperty("torch_ablation_seq_per_s", round(torchAblation));
            r.addProperty("torch_patching_s", round(torchPatching));
            r.addProperty("ablation_speedup_vs_torch", round(ablation / torchAblation));
            r.addProperty("patching_speedup_vs_torch", round(torchPatching / patching));
        } catch (java.io.IOException e) {
            r.addProperty("torch_skipped", e.getMessage());
        }
        return r;
    }

    private static String[] concat(String[] a, String[] b) {
        String[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    private static double round(double v) {
        return v >= 10 ? Math.round(v * 10) / 10.0 : Math.round(v * 1000) / 1000.0;
    }

    /** Copies of a sequence one run takes: the batch PyTorch gets too. */
    public int copiesPerRun() throws Exception {
        return ablation().rowsPerRun(length);
    }

    /** Sequences per second of a zero-ablation sweep of every head over {@code n} random sequences. */
    public double ablationSeqPerSecond(int n, int runs) throws Exception {
        Random random = new Random(0);
        List<Sequence> sequences = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            sequences.add(new Sequence(Integer.toString(i), randomTokens(random)));
        }
        HeadAblation ablation = ablation();
        ablation.run(sequences.subList(0, 1), e -> {
        }, Extractor.ProgressListener.NONE, () -> false); // warm-up
        return n / median(runs, () -> ablation.run(sequences, e -> {
        }, Extractor.ProgressListener.NONE, () -> false));
    }

    /** Seconds of the resid and head patching of one random pair differing in its first token. */
    public double patchingSeconds(int runs) throws Exception {
        Random random = new Random(0);
        int[] clean = randomTokens(random);
        int[] corrupted = clean.clone();
        corrupted[0] = (clean[0] + 1) % info.numTokens();
        List<PatchPair> pair = List.of(new PatchPair("0", clean, corrupted, null, null, null));
        ActivationPatching patching = new ActivationPatching(model, List.of(PatchSite.values()), IndexList.ALL,
                IndexList.ALL, IndexList.ALL, budgetBytes, MAX_COPIES);
        ActivationPatching.PatchSink none = new ActivationPatching.PatchSink() {
            @Override
            public void pair(PatchPair p, org.gtlens.causal.PairOutcome o) {
            }

            @Override
            public void patched(org.gtlens.causal.PatchedValue v) {
            }
        };
        patching.run(pair, none, Extractor.ProgressListener.NONE, () -> false); // warm-up
        return median(runs, () -> patching.run(pair, none, Extractor.ProgressListener.NONE, () -> false));
    }

    private HeadAblation ablation() throws Exception {
        return new HeadAblation(model, AblationMethod.ZERO, IndexList.ALL, IndexList.ALL, budgetBytes, MAX_COPIES);
    }

    private int[] randomTokens(Random random) {
        int[] tokens = new int[length];
        for (int p = 0; p < tokens.length; p++) {
            tokens[p] = random.nextInt(info.numTokens());
        }
        return tokens;
    }

    @FunctionalInterface
    private interface Work {
        void run() throws Exception;
    }

    private static double median(int runs, Work work) throws Exception {
        double[] seconds = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            work.run();
            seconds[i] = (System.nanoTime() - start) / 1e9;
        }
        java.util.Arrays.sort(seconds);
        return seconds[runs / 2];
    }
}
