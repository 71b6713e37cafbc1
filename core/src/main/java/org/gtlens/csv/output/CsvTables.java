package org.gtlens.csv.output;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.gtlens.files.AtomicOutput;
import org.gtlens.model.ModelInfo;
import org.gtlens.repr.BatchResult;
import org.gtlens.repr.Extractor;
import org.gtlens.repr.Item;
import org.gtlens.run.Output;
import org.gtlens.run.RunSinks;
import org.gtlens.run.TableJob;
import org.gtlens.run.TableRun;
import org.gtlens.run.TableSink;
import org.gtlens.table.Layout;
import org.gtlens.table.Tables;

/**
 * The CSV files of a {@link TableRun}: {@code predictions.csv} and one file per output table, each under its
 * schema's keys. In a folder the files appear only when the whole run succeeded, all of them; an error or an
 * interrupt leaves none. The long layout is encoded by {@link ParallelLongCsv}, the other tables row by row.
 *
 * @param <T> the run's unit of input
 */
public final class CsvTables<T> implements RunSinks<T>, AutoCloseable {

    /** File name of the representation table. */
    public static final String REPRESENTATIONS = "representations.csv";
    /** File name of the prediction table. */
    public static final String PREDICTIONS = "predictions.csv";
    /** File name of the head-score table. */
    public static final String HEAD_SCORES = "head_scores.csv";
    /** File name of the logit-lens table. */
    public static final String LENS_STATS = "lens_stats.csv";

    private final TableJob job;
    private final ModelInfo info;
    private final List<AtomicOutput> files;
    private final OutputStream representations;
    private final CsvTableWriter predictions;
    private final Writer headScores;
    private final Writer lensStats;
    private final List<AutoCloseable> writers = new ArrayList<>();
    private ParallelLongCsv longOut;

    private CsvTables(TableJob job, ModelInfo info, List<AtomicOutput> files, OutputStream representations,
            Writer predictions, Writer headScores, Writer lensStats) throws IOException {
        this.job = job;
        this.info = info;
        this.files = files;
        this.representations = representations;
        this.predictions = new CsvTableWriter(predictions, Tables.PREDICTIONS);
        this.headScores = headScores;
        this.lensStats = lensStats;
    }

    /** The file name of an output table. */
    public static String fileName(Output output) {
        return switch (output) {
            case REPRESENTATIONS -> REPRESENTATIONS;
            case HEAD_SCORES -> HEAD_SCORES;
            case LENS_STATS -> LENS_STATS;
        };
    }

    /** The job's files in a folder, written under temporary names until {@link #commit()}. */
    public static <T> CsvTables<T> inFolder(Path dir, TableJob job, ModelInfo info) throws IOException {
        List<AtomicOutput> files = new ArrayList<>();
        try {
            AtomicOutput repr = open(files, dir.resolve(REPRESENTATIONS));
            AtomicOutput pred = open(files, dir.resolve(PREDICTIONS));
            AtomicOutput heads = job.writes(Output.HEAD_SCORES) ? open(files, dir.resolve(HEAD_SCORES)) : null;
            AtomicOutput lens = job.writes(Output.LENS_STATS) ? open(files, dir.resolve(LENS_STATS)) : null;
            return new CsvTables<>(job, info, files, repr.stream(), pred.writer(), heads == null ? null
                    : heads.writer(), lens == null ? null : lens.writer());
        } catch (IOException | RuntimeException e) {
            for (AtomicOutput f : files) {
                f.close();
            }
            throw e;
        }
    }

    /** The representation and prediction tables into streams that stay open (the benchmark times them so). */
    public static <T> CsvTables<T> onStreams(TableJob job, ModelInfo info, OutputStream representations,
            Writer predictions) throws IOException {
        if (job.summarises()) {
            throw new IllegalArgumentException("summaries need files");
        }
        return new CsvTables<>(job, info, List.of(), representations, predictions, null, null);
    }

    private static AtomicOutput open(List<AtomicOutput> files, Path target) throws IOException {
        AtomicOutput f = new AtomicOutput(target);
        files.add(f);
        return f;
    }

    /** Runs {@code run} into the job's files in {@code dir}; they appear, all together, only when it succeeds. */
    public static <T> long write(TableRun<T> run, TableJob job, Extractor.ItemSource<T> input, Path dir,
            Extractor.ProgressListener progress, java.util.function.BooleanSupplier cancelled) throws Exception {
        try (CsvTables<T> tables = inFolder(dir, job, run.extractor().info())) {
            long n = run.run(input, tables, progress, cancelled);
            tables.commit();
            return n;
        }
    }

    @Override
    public TableSink table(Output output) throws IOException {
        if (output == Output.REPRESENTATIONS && job.layout() == Layout.LONG && !job.aggregate()) {
            longOut = new ParallelLongCsv(representations, info, job.selection(),
                    Runtime.getRuntime().availableProcessors());
            return new TableSink() {
                @Override
                public boolean takeLong(BatchResult batch) throws IOException {
                    longOut.write(batch);
                    return true;
                }

                @Override
                public void row(Object... values) {
                    throw new IllegalStateException("the long layout is written by batches");
                }
            };
        }
        Writer out = switch (output) {
            case REPRESENTATIONS -> new BufferedWriter(new OutputStreamWriter(representations,
                    StandardCharsets.UTF_8), 1 << 16);
            case HEAD_SCORES -> headScores;
            case LENS_STATS -> lensStats;
        };
        CsvTableWriter writer = new CsvTableWriter(out, job.schema(output, info));
        writers.add(writer);
        return writer::row;
    }

    @Override
    public void prediction(Item<T> item, Object[] row) throws IOException {
        if (row != null) {
            predictions.row(row);
        }
    }

    /**
     * The files in a folder, not yet in place: after {@link #finish()}, a caller that writes other files of the run
     * (its figures) commits them all together ({@link AtomicOutput#commitAll}) instead of {@link #commit()}.
     */
    public List<AtomicOutput> files() {
        return List.copyOf(files);
    }

    /** Flushes every table; into a folder, moves the files into place together. */
    public void commit() throws Exception {
        finish();
        AtomicOutput.commitAll(files);
    }

    /** Flushes every table (streams stay open). */
    public void finish() throws Exception {
        if (longOut != null) {
            ParallelLongCsv l = longOut;
            longOut = null;
            l.close();
        }
        for (AutoCloseable w : writers) {
            w.close();
        }
        predictions.close();
    }

    /** Stops the encoding threads and removes files not committed. */
    @Override
    public void close() throws IOException {
        try {
            if (longOut != null) {
                longOut.close();
            }
        } finally {
            for (AtomicOutput f : files) {
                f.close();
            }
        }
    }
}
