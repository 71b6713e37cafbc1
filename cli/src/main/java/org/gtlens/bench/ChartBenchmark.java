package org.gtlens.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Supplier;

import org.gtlens.GtLensException;
import org.gtlens.chart.figures.Figure;
import org.gtlens.chart.output.HeatmapRenderer;
import org.gtlens.chart.figures.RepresentationFigures;
import org.gtlens.runtime.GTransformer;
import org.gtlens.model.Kind;
import org.gtlens.repr.BatchResult;
import org.gtlens.repr.Extractor;
import org.gtlens.repr.Sequence;

/**
 * Times drawing the six figures of a sequence to PNG bytes (layout, painting and PNG encoding; the model run is not
 * included), to compare with the matplotlib notebook. Also a command line:
 * {@code java -cp ... org.gtlens.bench.ChartBenchmark [tokens=4,5,5,5,4] [warmRuns=20] [outDir]}.
 */
public final class ChartBenchmark {

    /**
     * Timings of one measurement.
     *
     * @param coldMs       the first rendering in this call (includes class loading and font setup if this JVM has
     *                     not drawn before)
     * @param warmMedianMs median of the following {@code warmRuns} renderings
     * @param warmRuns     number of warm renderings
     * @param figures      figures per rendering
     * @param pngBytes     total size of the PNGs of one rendering
     */
    public record Timing(double coldMs, double warmMedianMs, int warmRuns, int figures, long pngBytes) {

        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT,
                    "%d figures: cold %.1f ms, warm median %.1f ms over %d runs, %d PNG bytes", figures, coldMs,
                    warmMedianMs, warmRuns, pngBytes);
        }
    }

    private ChartBenchmark() {
    }

    /** Renders the figures of sequence {@code seq} once cold and {@code warmRuns} times warm. */
    public static Timing measure(BatchResult batch, int seq, int warmRuns) {
        return measure(() -> RepresentationFigures.build(batch, seq), warmRuns);
    }

    /**
     * Times building and rendering figures to PNG bytes: once cold, then {@code warmRuns} times.
     *
     * @param figures builds the figures (part of the timing, as it is part of drawing them)
     */
    public static Timing measure(Supplier<List<Figure>> figures, int warmRuns) {
        long t0 = System.nanoTime();
        List<byte[]> first = render(figures.get());
        double cold = (System.nanoTime() - t0) / 1e6;
        long bytes = first.stream().mapToLong(b -> b.length).sum();
        double[] warm = new double[Math.max(0, warmRuns)];
        for (int i = 0; i < warm.length; i++) {
            long t = System.nanoTime();
            render(figures.get());
            warm[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(warm);
        double median = warm.length == 0 ? cold
                : warm.length % 2 == 1 ? warm[warm.length / 2] : (warm[warm.length / 2 - 1] + warm[warm.length / 2]) / 2;
        return new Timing(cold, median, warm.length, first.size(), bytes);
    }

    /**
     * The attention figure of a model of former's default size (k=128, 8 heads, depth 12, t=256, 256 tokens) for
     * one 256-token sequence of random causal attention: every block and head, or with {@code oneHead} block 0 head
     * 0 alone.
     */
    public static Figure largeAttention(boolean oneHead) {
        int depth = 12;
        int heads = 8;
        int length = 256;
        java.util.List<String> vocab = new java.util.ArrayList<>();
        for (int i = 0; i < 256; i++) {
            vocab.add(Integer.toString(i));
        }
        org.gtlens.model.ModelInfo info = new org.gtlens.model.ModelInfo("former default size", 128, heads, depth,
                length, 256, vocab, org.gtlens.model.Scaling.HEAD, "random causal attention", false, 0);
        java.util.Random random = new java.util.Random(7);
        int[] tokens = random.ints(length, 0, 256).toArray();
        org.gtlens.repr.Selection selection = org.gtlens.repr.Selection.all(java.util.EnumSet.of(Kind.ATTENTION));
        if (oneHead) {
            selection = selection.withBlocks(org.gtlens.repr.IndexList.parse("0"))
                    .withHeads(org.gtlens.repr.IndexList.parse("0"));
        }
        return RepresentationFigures.figure(info, tokens, Kind.ATTENTION, (kind, block, head) -> causal(length,
                new java.util.Random(block * 31L + head)), selection);
    }

    private static org.gtlens.repr.Matrix causal(int n, java.util.Random random) {
        float[] v = new float[n * n];
        for (int r = 0; r < n; r++) {
            double sum = 0;
            for (int c = 0; c <= r; c++) {
                double e = Math.exp(random.nextGaussian() * 2);
                v[r * n + c] = (float) e;
                sum += e;
            }
            for (int c = 0; c <= r; c++) {
                v[r * n + c] /= (float) sum;
            }
        }
        return org.gtlens.repr.Matrix.of(n, n, v);
    }

    /** PNG bytes of each figure with its default options. */
    public static List<byte[]> render(List<Figure> figures) {
        return figures.stream().map(f -> HeatmapRenderer.toPng(f.grid(), f.defaults())).toList();
    }

    /** The PNG bytes of each figure of a sequence, in {@link RepresentationFigures#NAMES} order, each with its default options. */
    public static List<byte[]> renderAll(BatchResult batch, int seq) {
        return render(RepresentationFigures.build(batch, seq));
    }

    /** Writes {@code name.png} for each figure into a folder and returns the files. */
    public static List<Path> writeAll(BatchResult batch, int seq, Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Figure> figures = RepresentationFigures.build(batch, seq);
        Path[] files = new Path[figures.size()];
        for (int i = 0; i < files.length; i++) {
            Figure f = figures.get(i);
            files[i] = dir.resolve(f.name() + ".png");
            Files.write(files[i], HeatmapRenderer.toPng(f.grid(), f.defaults()));
        }
        return List.of(files);
    }

    public static void main(String[] args) throws GtLensException, IOException {
        System.setProperty("java.awt.headless", "true");
        int[] tokens = Arrays.stream((args.length > 0 ? args[0] : "4,5,5,5,4").split(",")).map(String::trim)
                .mapToInt(Integer::parseInt).toArray();
        int warmRuns = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        try (GTransformer model = GTransformer.loadDefault(1)) {
            BatchResult batch = new Extractor(model, EnumSet.copyOf(Kind.contract()), 1)
                    .extract(new Sequence("0", tokens));
            Timing timing = measure(batch, 0, warmRuns);
            System.out.println(timing);
            if (args.length > 2) {
                for (Path p : writeAll(batch, 0, Path.of(args[2]))) {
                    System.out.println(p);
                }
            }
        }
    }
}
