package org.gtlens.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;

import org.gtlens.GtLensException;
import org.gtlens.runtime.GTransformer;
import org.gtlens.model.Kind;
import org.gtlens.model.ModelInfo;
import org.gtlens.csv.output.CsvTables;
import org.gtlens.repr.BatchPlan;
import org.gtlens.run.TableJob;
import org.gtlens.run.TableRun;
import org.gtlens.table.Layout;
import org.gtlens.repr.Extractor;
import org.gtlens.repr.Sequence;
import org.gtlens.repr.SequenceSource;
import org.gtlens.repr.Selection;
import org.gtlens.csv.input.SequenceCsvReader;

/**
 * Measures extraction speed: every tensor of the contract into Java arrays at a given batch size, and the whole
 * pipeline from a CSV of sequences to the long CSV. Figures are printed, never asserted.
 */
public final class ExtractionBenchmark {

    private final GTransformer model;

    public ExtractionBenchmark(GTransformer model) {
        this.model = model;
    }

    /** Random sequences of the model's full length, the same for a given seed (the PyTorch script uses its own). */
    public static List<Sequence> randomSequences(ModelInfo info, int n, long seed) {
        Random random = new Random(seed);
        List<Sequence> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int[] tokens = new int[info.t()];
            for (int p = 0; p < tokens.length; p++) {
                tokens[p] = random.nextInt(info.numTokens());
            }
            list.add(new Sequence(Integer.toString(i), tokens));
        }
        return list;
    }

    /** Rounds run and thrown away before timing: the JIT and ONNX Runtime's arenas settle over the first few. */
    static final int WARM_UP_ROUNDS = 3;

    /**
     * Sequences per second extracting every contract tensor at {@code batchSize}: median over {@code rounds} rounds
     * of {@code sequences} sequences each, after {@link #WARM_UP_ROUNDS} warm-up rounds.
     */
    public double extractSeqPerSecond(int batchSize, int sequences, int rounds) throws Exception {
        List<Sequence> input = randomSequences(model.info(), sequences, 42);
        Extractor extractor = new Extractor(model, EnumSet.copyOf(Kind.contract()), batchSize);
        long[] sink = new long[1];
        Extractor.BatchConsumer consume = b -> sink[0] += b.size();
        for (int r = 0; r < WARM_UP_ROUNDS; r++) {
            extractor.run(SequenceSource.of(input), consume, Extractor.ProgressListener.NONE, () -> false);
        }
        double[] rates = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            long t0 = System.nanoTime();
            extractor.run(SequenceSource.of(input), consume, Extractor.ProgressListener.NONE, () -> false);
            rates[r] = sequences / ((System.nanoTime() - t0) / 1e9);
        }
        Arrays.sort(rates);
        return rates[rounds / 2];
    }

    /**
     * Sequences per second extracting every contract tensor at {@code batchSize} for a model of any size: after warm-up
     * batches (at least 3, and half a second), the median of {@code rounds} rounds of about {@code secondsPerRound}
     * each. Memory is that of one batch.
     */
    public double extractSeqPerSecondTimed(int batchSize, double secondsPerRound, int rounds) throws Exception {
        Extractor extractor = new Extractor(model, Selection.all(EnumSet.copyOf(Kind.contract())),
                new org.gtlens.repr.BatchPlan(batchSize, Long.MAX_VALUE, "--memory"));
        List<Sequence> one = randomSequences(model.info(), batchSize, 42);
        Extractor.BatchConsumer consume = b -> {
        };
        long t0 = System.nanoTime();
        int warm = 0;
        while (warm < 3 || System.nanoTime() - t0 < 500_000_000L) {
            extractor.run(SequenceSource.of(one), consume, Extractor.ProgressListener.NONE, () -> false);
            warm++;
        }
        double perBatch = (System.nanoTime() - t0) / 1e9 / warm;
        int batches = (int) Math.max(1, Math.min(2_000_000 / batchSize, Math.round(secondsPerRound / perBatch)));
        // one run over many batches, as a table is extracted, rather than a run per batch
        List<Sequence> input = randomSequences(model.info(), batches * batchSize, 42);
        double[] rates = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            long start = System.nanoTime();
            extractor.run(SequenceSource.of(input), consume, Extractor.ProgressListener.NONE, () -> false);
            rates[r] = (double) input.size() / ((System.nanoTime() - start) / 1e9);
        }
        Arrays.sort(rates);
        return rates[rounds / 2];
    }

    /** Writes {@code n} random sequences as a one-column CSV ("4,5,5,5,4"). */
    public static Path writeSequenceCsv(ModelInfo info, int n, Path file) throws IOException {
        return writeSequenceCsv(info, n, file, 0);
    }

    /**
     * Writes {@code n} random sequences as a CSV with column {@code tokens} ("4,5,5,5,4") and, for {@code groups}
     * above 0, a column {@code group} cycling through that many groups.
     */
    public static Path writeSequenceCsv(ModelInfo info, int n, Path file, int groups) throws IOException {
        Random random = new Random(11);
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(groups > 0 ? "tokens,group\n" : "tokens\n");
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < n; i++) {
                line.setLength(0);
                line.append('"');
                for (int p = 0; p < info.t(); p++) {
                    line.append(p == 0 ? "" : ",").append(random.nextInt(info.numTokens()));
                }
                line.append('"');
                if (groups > 0) {
                    line.append(",g").append(i % groups);
                }
                w.write(line.append('\n').toString());
            }
        }
        return file;
    }

    /** Result of an end-to-end run: sequences and long-table rows per second, and bytes written. */
    public record EndToEnd(double seqPerSecond, double rowsPerSecond, long representationBytes) {
    }

    /** Sequences per second from a CSV of sequences to representations.csv and predictions.csv on disk. */
    public EndToEnd endToEnd(Path csv, Path outDir, EnumSet<Kind> kinds, int batchSize) throws Exception {
        TableJob job = TableJob.representations(Selection.all(kinds), BatchPlan.of(batchSize), Layout.LONG);
        long t0 = System.nanoTime();
        long n;
        try (SequenceCsvReader reader = new SequenceCsvReader(csv, null)) {
            n = CsvTables.write(new TableRun<String>(job, model, null), job, reader::nextItem, outDir,
                    Extractor.ProgressListener.NONE, () -> false);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        long bytes = Files.size(outDir.resolve(CsvTables.REPRESENTATIONS));
        return new EndToEnd(n / seconds, n * Selection.all(kinds).longRows(model.info(), model.info().t()) / seconds, bytes);
    }

    /**
     * The same pipeline with the CSV text counted and dropped instead of written: what reading, extracting and
     * formatting cost, apart from the disk.
     */
    public EndToEnd withoutDisk(Path csv, EnumSet<Kind> kinds, int batchSize) throws Exception {
        TableJob job = TableJob.representations(Selection.all(kinds), BatchPlan.of(batchSize), Layout.LONG);
        ByteCounter counter = new ByteCounter();
        long t0 = System.nanoTime();
        long n;
        try (SequenceCsvReader reader = new SequenceCsvReader(csv, null);
                CsvTables<String> tables = CsvTables.onStreams(job, model.info(), counter, Writer.nullWriter())) {
            n = new TableRun<String>(job, model, null).run(reader::nextItem, tables, Extractor.ProgressListener.NONE,
                    () -> false);
            tables.finish();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        return new EndToEnd(n / seconds, n * Selection.all(kinds).longRows(model.info(), model.info().t()) / seconds, counter.bytes);
    }

    /**
     * MB per second at which plain zeros of the given size are written to a file in {@code dir} (in 1 MB blocks,
     * no sync, as the CSV is written): the ceiling for any writer of a table that size there.
     */
    public static double rawWriteMbPerSecond(Path dir, long bytes) throws IOException {
        Path file = dir.resolve("zeros.bin");
        byte[] block = new byte[1 << 20];
        long t0 = System.nanoTime();
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long written = 0; written < bytes; written += block.length) {
                out.write(block, 0, (int) Math.min(block.length, bytes - written));
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        Files.delete(file);
        return bytes / 1e6 / seconds;
    }

    /** Counts what is written to it and keeps nothing. */
    private static final class ByteCounter extends OutputStream {
        long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
        }
    }
}
