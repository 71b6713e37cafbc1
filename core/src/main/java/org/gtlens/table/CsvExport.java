package org.gtlens.table;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;
import java.util.function.BooleanSupplier;

import org.gtlens.GtLensException;
import org.gtlens.model.GTransformer;
import org.gtlens.model.Kind;
import org.gtlens.repr.Extractor;
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

    private final GTransformer model;
    private final Set<Kind> kinds;
    private final int batchSize;
    private final Layout layout;

    public CsvExport(GTransformer model, Set<Kind> kinds, int batchSize, Layout layout) {
        this.model = model;
        this.kinds = kinds;
        this.batchSize = batchSize;
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
        Extractor extractor = new Extractor(model, kinds, batchSize);
        CsvPredictionWriter predictions = new CsvPredictionWriter(predictionsOut);
        long n;
        if (layout == Layout.LONG) {
            try (ParallelLongCsv out = new ParallelLongCsv(representations, model.info(), kinds,
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
            CsvMatrixWriter out = new CsvMatrixWriter(text, Layouts.matrixWidth(model.info(), kinds));
            n = extractor.run(input, batch -> {
                Layouts.writeMatrix(batch, kinds, out);
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
