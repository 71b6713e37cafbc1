package org.gtlens.table;

import java.io.BufferedWriter;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;
import java.util.function.BooleanSupplier;

import org.gtlens.model.GTransformer;
import org.gtlens.model.Kind;
import org.gtlens.model.ModelInfo;
import org.gtlens.repr.Extractor;
import org.gtlens.repr.Selection;
import org.gtlens.repr.SequenceSource;

/**
 * Streams sequences through a model into {@code representations.csv} and {@code predictions.csv}. Both files
 * appear only when the whole run succeeded; an error or an interrupt leaves neither.
 */
public final class CsvExport {

    /** File name of the representation table. */
    public static final String REPRESENTATIONS = "representations.csv";
    /** File name of the prediction table. */
    public static final String PREDICTIONS = "predictions.csv";

    private final Extractor extractor;
    private final Layout layout;

    /** Every block, head, position and cell of the given kinds. */
    public CsvExport(GTransformer model, Set<Kind> kinds, int batchSize, Layout layout) {
        this(new Extractor(model, kinds, batchSize), layout);
    }

    /** What the extractor's selection keeps, in batches of its plan. */
    public CsvExport(Extractor extractor, Layout layout) {
        this.extractor = extractor;
        this.layout = layout;
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
        try (AtomicOutput reprFile = new AtomicOutput(outDir.resolve(REPRESENTATIONS));
                AtomicOutput predFile = new AtomicOutput(outDir.resolve(PREDICTIONS))) {
            long n = run(input, reprFile.stream(), predFile.writer(), progress, cancelled, alsoTo);
            reprFile.commit();
            predFile.commit();
            return n;
        }
    }

    /** Runs the job into streams (flushed, left open); the benchmark uses it to time the work without a disk. */
    public long run(SequenceSource input, OutputStream representations, Writer predictionsOut,
            Extractor.ProgressListener progress, BooleanSupplier cancelled, Extractor.BatchConsumer alsoTo)
            throws Exception {
        Selection selection = extractor.selection();
        ModelInfo info = extractor.info();
        CsvPredictionWriter predictions = new CsvPredictionWriter(predictionsOut);
        long n;
        if (layout == Layout.LONG) {
            try (ParallelLongCsv out = new ParallelLongCsv(representations, info, selection,
                    Runtime.getRuntime().availableProcessors())) {
                n = extractor.run(input, batch -> {
                    out.write(batch);
                    predictions.write(batch);
                    alsoTo.accept(batch);
                }, progress, cancelled);
            }
        } else {
            Writer text = new BufferedWriter(new OutputStreamWriter(representations, StandardCharsets.UTF_8),
                    1 << 16);
            CsvMatrixWriter out = new CsvMatrixWriter(text, Layouts.matrixWidth(info, selection.kinds()));
            n = extractor.run(input, batch -> {
                Layouts.writeMatrix(batch, selection, out);
                predictions.write(batch);
                alsoTo.accept(batch);
            }, progress, cancelled);
            out.close();
            text.flush();
        }
        predictions.close();
        return n;
    }
}
