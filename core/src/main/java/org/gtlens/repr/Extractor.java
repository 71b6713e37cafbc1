package org.gtlens.repr;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.gtlens.runtime.GTransformer;
import org.gtlens.model.Kind;

/**
 * Feeds sequences to a model batch by batch and hands each batch's representations to a sink, so memory is bounded
 * by the batch, never by the input. Sequences are validated before they run; progress is reported and cancellation
 * checked between batches. The same batching serves the command line and the KNIME node: a source's items carry
 * their origin (a row) through to the sink, and sinks may throw whatever their output throws.
 */
public final class Extractor {

    /** Default number of sequences per ONNX Runtime call. */
    public static final int DEFAULT_BATCH_SIZE = 256;

    /** Items pulled one at a time. */
    @FunctionalInterface
    public interface ItemSource<T> {
        /** The next item, or null at the end. */
        Item<T> next() throws Exception;
    }

    /**
     * Receives each batch with the items it came from, in input order; valid only during the call (its arrays are
     * reused for the next batch).
     */
    @FunctionalInterface
    public interface ItemSink<T> {
        /**
         * @param batch the results of the items that run, in their order ({@code batch.sequence(i)} is the i-th
         *              running item); null when no item of this call runs
         * @param items every item since the last call, passed-through ones included
         */
        void accept(BatchResult batch, List<Item<T>> items) throws Exception;
    }

    /**
     * Receives one batch of results; may write them out. The batch is valid only during the call: its arrays are
     * reused for the next batch (use {@link Extractor#extract} for results to keep).
     */
    @FunctionalInterface
    public interface BatchConsumer {
        void accept(BatchResult batch) throws Exception;
    }

    /** Told how many input items are done so far, after every batch. */
    @FunctionalInterface
    public interface ProgressListener {
        void progress(long done);

        ProgressListener NONE = done -> {
        };
    }

    private final GTransformer model;
    private final BatchPlan plan;
    private final Selection selection;
    private final SequenceValidator validator;
    private final List<String> outputs;
    /** The largest batch run so far (what the plan allowed in practice). */
    private final java.util.concurrent.atomic.AtomicInteger largestBatch = new java.util.concurrent.atomic.AtomicInteger();
    /** The batch size of each length seen, planned once. */
    private final Map<Integer, Integer> batchSizes = new HashMap<>();

    /**
     * Every block of the given kinds, in batches of at most {@code batchSize} within the default memory budget.
     *
     * @param kinds     which per-block tensors to fetch (final log-probabilities are always fetched, for
     *                  predictions)
     * @param batchSize sequences per run, at least 1
     */
    public Extractor(GTransformer model, Collection<Kind> kinds, int batchSize) {
        this(model, Selection.all(kinds), BatchPlan.of(batchSize));
    }

    /**
     * Fetches only what the selection needs (its kinds in its blocks, and the final log-probabilities), in batches
     * sized by the plan.
     *
     * @throws IllegalArgumentException when the selection names a block, head or position the model does not have
     */
    public Extractor(GTransformer model, Selection selection, BatchPlan plan) {
        this(model, selection, plan, java.util.Set.of());
    }

    /**
     * Also fetches the tensors of {@code alsoKinds} in the selected blocks (what statistics over them need), whether
     * or not the selection keeps them for its tables.
     */
    public Extractor(GTransformer model, Selection selection, BatchPlan plan, java.util.Set<Kind> alsoKinds) {
        selection.check(model.info());
        this.model = model;
        this.plan = plan;
        this.selection = selection;
        this.validator = new SequenceValidator(model.info());
        this.outputs = selection.outputs(model.info(), alsoKinds);
    }

    /** The most sequences one run of {@link #run} has put into one batch so far (0 before any). */
    public int largestBatchUsed() {
        return largestBatch.get();
    }

    /** The model's facts. */
    public org.gtlens.model.ModelInfo info() {
        return model.info();
    }

    /** The selection this extractor fetches. */
    public Selection selection() {
        return selection;
    }

    /**
     * The batch size runs of sequences of this length use: the plan's, within the memory budget.
     *
     * @throws MemoryBudgetException when one sequence alone does not fit the budget
     */
    public synchronized int batchSize(int length) throws MemoryBudgetException {
        Integer size = batchSizes.get(length);
        if (size == null) {
            size = plan.batchFor(model.info(), outputs, length);
            batchSizes.put(length, size);
        }
        return size;
    }

    /** Extracts one batch of sequences that all have the same length, into arrays the caller may keep. */
    public BatchResult extract(List<Sequence> batch) throws InputException, org.gtlens.model.ModelException {
        int length = checkedLength(batch);
        return new BatchResult(model.info(), batch, model.run(tokens(batch, length), batch.size(), length, outputs));
    }

    /** Extracts a single sequence. */
    public BatchResult extract(Sequence sequence) throws InputException, org.gtlens.model.ModelException {
        return extract(List.of(sequence));
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
        long[] tokens = new long[Math.multiplyExact(batch.size(), length)];
        int i = 0;
        for (Sequence s : batch) {
            for (int p = 0; p < length; p++) {
                tokens[i++] = s.token(p);
            }
        }
        return tokens;
    }

    /**
     * Runs every sequence of {@code input} in batches, in input order; see {@link #run(ItemSource, ItemSink,
     * ProgressListener, BooleanSupplier)}.
     *
     * @return number of sequences processed
     */
    public long run(SequenceSource input, BatchConsumer consumer, ProgressListener progress,
            BooleanSupplier cancelled) throws Exception {
        return run(input.<Sequence>items(), (batch, items) -> consumer.accept(batch), progress, cancelled);
    }

    /**
     * Runs the items of {@code input} in batches of at most the batch size (a change of length starts a new batch),
     * in input order. Items passed through travel with the batch they fall into, so the sink sees every item in
     * order; a long run of them is handed over in bounded groups.
     *
     * @param cancelled checked before every batch; when true the run stops with {@link CancelledException}
     * @return number of items processed
     * @throws InputException     for the first sequence the model cannot take (nothing after it runs)
     * @throws CancelledException when cancelled
     */
    public <T> long run(ItemSource<T> input, ItemSink<T> sink, ProgressListener progress, BooleanSupplier cancelled)
            throws Exception {
        List<Item<T>> pending = new ArrayList<>();
        List<Sequence> batch = new ArrayList<>();
        long done = 0;
        int batchSize = plan.maxBatch();
        for (Item<T> item = input.next(); item != null; item = input.next()) {
            Sequence next = item.sequence();
            if (next != null) {
                validator.check(next);
                if (!batch.isEmpty() && (batch.size() == batchSize || batch.get(0).length() != next.length())) {
                    done = flush(pending, batch, sink, progress, cancelled, done);
                }
                if (batch.isEmpty()) {
                    batchSize = batchSize(next.length());
                }
                batch.add(next);
            } else if (pending.size() >= plan.maxBatch()) {
                done = flush(pending, batch, sink, progress, cancelled, done);
            }
            pending.add(item);
        }
        if (!pending.isEmpty()) {
            done = flush(pending, batch, sink, progress, cancelled, done);
        }
        return done;
    }

    private <T> long flush(List<Item<T>> pending, List<Sequence> batch, ItemSink<T> sink, ProgressListener progress,
            BooleanSupplier cancelled, long done) throws Exception {
        if (cancelled.getAsBoolean()) {
            throw new CancelledException("Cancelled after " + done + " sequences.");
        }
        List<Item<T>> items = List.copyOf(pending);
        if (batch.isEmpty()) {
            sink.accept(null, items);
        } else {
            int length = checkedLength(batch);
            List<Sequence> sequences = List.copyOf(batch);
            largestBatch.accumulateAndGet(sequences.size(), Math::max);
            model.runReusing(tokens(batch, length), batch.size(), length, outputs,
                    tensors -> sink.accept(new BatchResult(model.info(), sequences, tensors), items));
        }
        long total = done + items.size();
        pending.clear();
        batch.clear();
        progress.progress(total);
        return total;
    }
}
