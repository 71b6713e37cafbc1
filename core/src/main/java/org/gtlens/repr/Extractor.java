package org.gtlens.repr;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;

import org.gtlens.GtLensException;
import org.gtlens.model.GTransformer;
import org.gtlens.model.Kind;

/**
 * Feeds sequences to a model batch by batch and hands each batch's representations to a consumer, so memory is
 * bounded by the batch, never by the input. Sequences are validated before they run; progress is reported and
 * cancellation checked between batches.
 */
public final class Extractor {

    /** Default number of sequences per ONNX Runtime call. */
    public static final int DEFAULT_BATCH_SIZE = 256;

    /**
     * Receives one batch of results; may write them out. The batch is valid only during the call: its arrays are
     * reused for the next batch (use {@link Extractor#extract} for results to keep).
     */
    @FunctionalInterface
    public interface BatchConsumer {
        void accept(BatchResult batch) throws IOException, GtLensException;
    }

    /** Told how many sequences are done so far, after every batch. */
    @FunctionalInterface
    public interface ProgressListener {
        void progress(long sequencesDone);

        ProgressListener NONE = done -> {
        };
    }

    private final GTransformer model;
    private final int batchSize;
    private final SequenceValidator validator;
    private final List<String> outputs;

    /**
     * @param kinds     which per-block tensors to fetch (final log-probabilities are always fetched, for
     *                  predictions)
     * @param batchSize sequences per run, at least 1
     */
    public Extractor(GTransformer model, Collection<Kind> kinds, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
        this.model = model;
        this.batchSize = batchSize;
        this.validator = new SequenceValidator(model.info());
        Set<Kind> chosen = kinds.isEmpty() ? EnumSet.noneOf(Kind.class) : EnumSet.copyOf(kinds);
        List<String> names = new ArrayList<>();
        names.add(Kind.FINAL_LOGPROBS);
        for (int block = 0; block < model.info().depth(); block++) {
            for (Kind kind : chosen) {
                names.add(kind.outputName(block));
            }
        }
        this.outputs = List.copyOf(names);
    }

    /** Extracts one batch of sequences that all have the same length. */
    public BatchResult extract(List<Sequence> batch) throws GtLensException {
        int length = checkedLength(batch);
        return new BatchResult(model.info(), batch, model.run(tokens(batch, length), batch.size(), length, outputs));
    }

    /** Validates a batch and returns its one length. */
    private int checkedLength(List<Sequence> batch) throws InputException {
        if (batch.isEmpty()) {
            throw new IllegalArgumentException("empty batch");
        }
        int length = batch.get(0).length();
        for (Sequence s : batch) {
            validator.check(s);
            if (s.length() != length) {
                throw new IllegalArgumentException("sequences of one batch must have one length");
            }
        }
        return length;
    }

    private static long[] tokens(List<Sequence> batch, int length) {
        long[] tokens = new long[batch.size() * length];
        int i = 0;
        for (Sequence s : batch) {
            for (int p = 0; p < length; p++) {
                tokens[i++] = s.token(p);
            }
        }
        return tokens;
    }

    /** Extracts a single sequence. */
    public BatchResult extract(Sequence sequence) throws GtLensException {
        return extract(List.of(sequence));
    }

    /**
     * Runs every sequence of {@code input} in batches of at most the batch size (a change of length starts a new
     * batch), in input order.
     *
     * @param cancelled checked before every batch; when true the run stops with {@link CancelledException}
     * @return number of sequences processed
     * @throws InputException     for the first sequence the model cannot take (nothing after it runs)
     * @throws CancelledException when cancelled
     */
    public long run(SequenceSource input, BatchConsumer consumer, ProgressListener progress,
            BooleanSupplier cancelled) throws IOException, GtLensException {
        List<Sequence> batch = new ArrayList<>(batchSize);
        long done = 0;
        for (Sequence next = input.next(); next != null; next = input.next()) {
            validator.check(next);
            if (!batch.isEmpty() && (batch.size() == batchSize || batch.get(0).length() != next.length())) {
                done = flush(batch, consumer, progress, cancelled, done);
            }
            batch.add(next);
        }
        if (!batch.isEmpty()) {
            done = flush(batch, consumer, progress, cancelled, done);
        }
        return done;
    }

    private long flush(List<Sequence> batch, BatchConsumer consumer, ProgressListener progress,
            BooleanSupplier cancelled, long done) throws IOException, GtLensException {
        if (cancelled.getAsBoolean()) {
            throw new CancelledException("Cancelled after " + done + " sequences.");
        }
        int length = checkedLength(batch);
        List<Sequence> sequences = List.copyOf(batch);
        model.runReusing(tokens(batch, length), batch.size(), length, outputs,
                tensors -> consumer.accept(new BatchResult(model.info(), sequences, tensors)));
        long total = done + batch.size();
        batch.clear();
        progress.progress(total);
        return total;
    }
}
