package org.gtlens.csv.output;

import java.io.BufferedWriter;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;

import org.gtlens.analysis.CellAggregate;
import org.gtlens.analysis.Summaries;
import org.gtlens.runtime.GTransformer;
import org.gtlens.model.Kind;
import org.gtlens.model.ModelInfo;
import org.gtlens.repr.BatchPlan;
import org.gtlens.repr.BatchResult;
import org.gtlens.repr.Extractor;
import org.gtlens.repr.Item;
import org.gtlens.repr.Selection;
import org.gtlens.repr.Sequence;
import org.gtlens.repr.SequenceSource;
import org.gtlens.files.AtomicOutput;
import org.gtlens.table.Layout;
import org.gtlens.table.Layouts;
import org.gtlens.table.Tables;

/**
 * Streams sequences through a model into {@code representations.csv} and {@code predictions.csv}, and with summaries
 * into {@code head_scores.csv} and {@code lens_stats.csv}; aggregated (one row per group and cell), or one row per
 * value as it comes. The files appear only when the whole run succeeded, all of them; an error or an interrupt
 * leaves none.
 */
public final class CsvExport {

    /** File name of the representation table. */
    public static final String REPRESENTATIONS = "representations.csv";
    /** File name of the prediction table. */
    public static final String PREDICTIONS = "predictions.csv";
    /** File name of the head-score table. */
    public static final String HEAD_SCORES = "head_scores.csv";
    /** File name of the logit-lens table. */
    public static final String LENS_STATS = "lens_stats.csv";

    private final Extractor extractor;
    private final Layout layout;
    private final boolean aggregate;
    private final boolean summary;

    /** Every block, head, position and cell of the given kinds, one row per value or matrix row. */
    public CsvExport(GTransformer model, Set<Kind> kinds, int batchSize, Layout layout) {
        this(new Extractor(model, kinds, batchSize), layout);
    }

    /** What the extractor's selection keeps, in batches of its plan, one row per value or matrix row. */
    public CsvExport(Extractor extractor, Layout layout) {
        this(extractor, layout, false, false);
    }

    private CsvExport(Extractor extractor, Layout layout, boolean aggregate, boolean summary) {
        if (aggregate && layout != Layout.LONG) {
            throw new IllegalArgumentException("aggregated tables come in the long layout only");
        }
        if (aggregate && extractor.selection().topK() > 0) {
            throw new IllegalArgumentException("top-k keeps different tokens for each sequence, so it cannot be "
                    + "aggregated; leave out top-k or the aggregation");
        }
        this.extractor = extractor;
        this.layout = layout;
        this.aggregate = aggregate;
        this.summary = summary;
    }

    /**
     * The full job: a selection, a batch plan, a layout, aggregation of the representations (and summaries) per
     * group, and the summary tables.
     *
     * @throws IllegalArgumentException for a selection the model does not have, or options that do not go together
     */
    public static CsvExport of(GTransformer model, Selection selection, BatchPlan plan, Layout layout,
            boolean aggregate, boolean summary) {
        return new CsvExport(new Extractor(model, selection, plan, summary ? Summaries.NEEDS : Set.of()), layout,
                aggregate, summary);
    }

    /** The extractor, whose batch sizes a caller may report. */
    public Extractor extractor() {
        return extractor;
    }

    /** Runs the job and returns the number of sequences written. */
    public long run(SequenceSource input, Path outDir, Extractor.ProgressListener progress, BooleanSupplier cancelled)
            throws Exception {
        return run(input, outDir, progress, cancelled, batch -> {
        });
    }

    /** Runs the job, also handing every batch to {@code alsoTo} once its rows are written. */
    public long run(SequenceSource input, Path outDir, Extractor.ProgressListener progress, BooleanSupplier cancelled,
            Extractor.BatchConsumer alsoTo) throws Exception {
        return run(() -> {
            Sequence s = input.next();
            return s == null ? null : new Item<>(null, s);
        }, outDir, progress, cancelled, alsoTo);
    }

    /**
     * Runs the job over items whose origin is the group of their sequence (null for none: all sequences are one
     * group, {@link Tables#ALL_GROUP}).
     */
    public long run(Extractor.ItemSource<String> input, Path outDir, Extractor.ProgressListener progress,
            BooleanSupplier cancelled, Extractor.BatchConsumer alsoTo) throws Exception {
        List<AtomicOutput> files = new ArrayList<>();
        try {
            AtomicOutput repr = open(files, outDir.resolve(REPRESENTATIONS));
            AtomicOutput pred = open(files, outDir.resolve(PREDICTIONS));
            AtomicOutput heads = summary ? open(files, outDir.resolve(HEAD_SCORES)) : null;
            AtomicOutput lens = summary ? open(files, outDir.resolve(LENS_STATS)) : null;
            long n = run(input, repr.stream(), pred.writer(), heads == null ? null : heads.writer(),
                    lens == null ? null : lens.writer(), progress, cancelled, alsoTo);
            AtomicOutput.commitAll(files);
            return n;
        } finally {
            for (AtomicOutput f : files) {
                f.close();
            }
        }
    }

    private static AtomicOutput open(List<AtomicOutput> files, Path target) throws java.io.IOException {
        AtomicOutput f = new AtomicOutput(target);
        files.add(f);
        return f;
    }

    /** Runs the job into streams (flushed, left open); the benchmark uses it to time the work without a disk. */
    public long run(SequenceSource input, OutputStream representations, Writer predictionsOut,
            Extractor.ProgressListener progress, BooleanSupplier cancelled, Extractor.BatchConsumer alsoTo)
            throws Exception {
        return run(() -> {
            Sequence s = input.next();
            return s == null ? null : new Item<>(null, s);
        }, representations, predictionsOut, null, null, progress, cancelled, alsoTo);
    }

    private long run(Extractor.ItemSource<String> input, OutputStream representations, Writer predictionsOut,
            Writer headsOut, Writer lensOut, Extractor.ProgressListener progress, BooleanSupplier cancelled,
            Extractor.BatchConsumer alsoTo) throws Exception {
        Selection selection = extractor.selection();
        ModelInfo info = extractor.info();
        CsvPredictionWriter predictions = new CsvPredictionWriter(predictionsOut);
        CellAggregate cells = aggregate ? new CellAggregate(info, selection) : null;
        Summaries summaries = summary ? new Summaries(info, selection, aggregate) : null;
        CsvTableWriter heads = summary ? new CsvTableWriter(headsOut,
                aggregate ? Tables.AGGREGATED_HEAD_SCORES : Tables.HEAD_SCORES) : null;
        CsvTableWriter lens = summary ? new CsvTableWriter(lensOut,
                aggregate ? Tables.AGGREGATED_LENS_STATS : Tables.LENS_STATS) : null;
        Writer text = new BufferedWriter(new OutputStreamWriter(representations, StandardCharsets.UTF_8), 1 << 16);
        ParallelLongCsv longOut = !aggregate && layout == Layout.LONG ? new ParallelLongCsv(representations, info,
                selection, Runtime.getRuntime().availableProcessors()) : null;
        CsvMatrixWriter matrixOut = layout == Layout.MATRIX ? new CsvMatrixWriter(text,
                Layouts.matrixWidth(info, selection.kinds())) : null;
        long n;
        try {
            n = extractor.run(input, (BatchResult batch, List<Item<String>> items) -> {
                if (batch == null) {
                    return;
                }
                if (longOut != null) {
                    longOut.write(batch);
                } else if (matrixOut != null) {
                    Layouts.writeMatrix(batch, selection, matrixOut);
                }
                List<String> groups = Item.runningOrigins(items);
                for (int s = 0; s < batch.size(); s++) {
                    String group = groups.get(s) == null ? Tables.ALL_GROUP : groups.get(s);
                    if (cells != null) {
                        cells.add(group, batch, s);
                    }
                    if (summaries != null) {
                        summaries.add(batch, s, group, heads, lens);
                    }
                }
                predictions.write(batch);
                alsoTo.accept(batch);
            }, progress, cancelled);
        } finally {
            if (longOut != null) {
                longOut.close();
            }
        }
        if (cells != null) {
            try (CsvTableWriter out = new CsvTableWriter(text, Tables.AGGREGATED_LONG)) {
                cells.write(out);
            }
        }
        if (summaries != null && aggregate) {
            summaries.writeHeadScores(heads);
            summaries.writeLensStats(lens);
        }
        if (matrixOut != null) {
            matrixOut.close();
        }
        text.flush();
        predictions.close();
        if (heads != null) {
            heads.close();
            lens.close();
        }
        return n;
    }
}
