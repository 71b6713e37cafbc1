package org.gtlens.csv.output;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;

import org.gtlens.model.ModelInfo;
import org.gtlens.repr.BatchResult;
import org.gtlens.repr.Selection;

/**
 * Writes the long layout of each batch to CSV as fast as the disk takes it: formatting hundreds of rows per
 * sequence, not the model, limits a CSV export. Each batch is copied (4 bytes per value, against about 45 of text)
 * so that encoding can go on while the caller extracts the next one; each thread encodes a contiguous share of the
 * sequences into its own bytes, and a writing thread writes the shares in order, so the file is the same as
 * one encoder's. Memory is two rounds of encoding, each at most about {@link #ROUND_BYTES} of text, plus a copy of
 * the batch's values only when that copy is small ({@link #COPY_LIMIT}), whatever the batch or the model; a sequence
 * whose text exceeds a round is streamed in pieces of a round.
 */
public final class ParallelLongCsv implements AutoCloseable {

    /**
     * Text one round of encoding holds at most (about): a batch is encoded in rounds of as many sequences as fit,
     * so memory stays bounded whatever the model's size; a sequence whose rows alone exceed it is streamed.
     */
    public static final long ROUND_BYTES = 16L << 20;
    /** Largest batch copied so that encoding overlaps the next extraction; larger ones are encoded in place. */
    public static final long COPY_LIMIT = 64L << 20;
    /** A generous guess at the bytes of one long row, for sizing rounds. */
    private static final int ROW_BYTES = 64;

    private final OutputStream out;
    private final ModelInfo info;
    private final Selection selection;
    private final long roundBytes;
    private final int threads;
    private final ExecutorService pool;
    private final ExecutorService writer;
    /** Encoders by generation and share: two rounds may be encoded at once, and an encoder serves one. */
    private final List<List<LongCsvEncoder>> encoders = List.of(new ArrayList<>(), new ArrayList<>());
    /** A failure already thrown to the caller, not to be thrown again by {@link #close()}. */
    private Exception reported;
    /** Two sets of share texts: one being written while the other is filled. */
    private final List<List<ByteText>> generations = List.of(new ArrayList<>(), new ArrayList<>());
    private final List<Future<?>> pendingWrites = new ArrayList<>(List.of(done(), done()));
    private int current;

    /** Writes the header at once; {@code threads} encoding threads. */
    public ParallelLongCsv(OutputStream out, ModelInfo info, Selection selection, int threads) throws IOException {
        this(out, info, selection, threads, ROUND_BYTES);
    }

    /** @param roundBytes about how much text one round of encoding may hold in memory */
    public ParallelLongCsv(OutputStream out, ModelInfo info, Selection selection, int threads, long roundBytes)
            throws IOException {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.out = out;
        this.info = info;
        this.selection = selection;
        this.threads = threads;
        this.roundBytes = roundBytes;
        for (List<LongCsvEncoder> generation : encoders) {
            for (int i = 0; i < threads; i++) {
                generation.add(new LongCsvEncoder(selection));
            }
        }
        out.write(LongCsvEncoder.header());
        // threads only once nothing can fail any more: a constructor that throws has no close() to stop them
        this.pool = Executors.newFixedThreadPool(threads, daemon("gtlens-csv"));
        this.writer = Executors.newSingleThreadExecutor(daemon("gtlens-csv-writer"));
    }

    private static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    private static Future<?> done() {
        return CompletableFuture.completedFuture(null);
    }

    /**
     * Encodes the batch's rows and queues them for writing; returns once the batch itself is no longer needed. A
     * failure to write shows at a later call or at {@link #close()}.
     */
    public void write(BatchResult batch) throws IOException {
        try {
            writeBatch(batch);
        } catch (IOException | RuntimeException e) {
            reported = e;
            throw e;
        }
    }

    private void writeBatch(BatchResult batch) throws IOException {
        long perSequence = ROW_BYTES * selection.longRows(info, batch.length());
        if (perSequence > roundBytes) {
            writeStreaming(batch);
            return;
        }
        int perRound = (int) Math.max(1, Math.min(batch.size(), roundBytes / Math.max(1, perSequence)));
        // a copy of the values lets encoding go on while the caller extracts the next batch (copying is cheap
        // next to formatting: 4 bytes against about 45 of text per value); a large batch is encoded in place
        boolean copy = batch.bytes(selection.kinds()) <= COPY_LIMIT;
        BatchResult owned = copy ? batch.copy(selection.kinds()) : batch;
        List<Future<?>> encodes = new ArrayList<>();
        for (int from = 0; from < batch.size(); from += perRound) {
            encodes.addAll(writeRound(owned, from, Math.min(batch.size(), from + perRound)));
        }
        if (!copy) {
            for (Future<?> f : encodes) {
                await(f);
            }
        }
    }

    /**
     * Queues the encoding of sequences {@code from} to {@code to} of a batch this writer owns, on all threads, and
     * the writing of their text after it.
     */
    private List<Future<?>> writeRound(BatchResult owned, int from, int to) throws IOException {
        int size = to - from;
        int parts = Math.max(1, Math.min(threads, size));
        List<ByteText> texts = generations.get(current);
        await(pendingWrites.get(current));
        while (texts.size() < parts) {
            texts.add(new ByteText());
        }
        List<Future<?>> encoded = new ArrayList<>();
        for (int p = 0; p < parts; p++) {
            int start = from + size * p / parts;
            int end = from + size * (p + 1) / parts;
            ByteText text = texts.get(p);
            LongCsvEncoder encoder = encoders.get(current).get(p);
            encoded.add(pool.submit(() -> {
                text.clear();
                encoder.encode(owned, start, end, text);
            }));
        }
        pendingWrites.set(current, writer.submit(() -> {
            for (Future<?> f : encoded) {
                await(f);
            }
            for (int p = 0; p < parts; p++) {
                texts.get(p).writeTo(out);
            }
            return null;
        }));
        current ^= 1;
        return encoded;
    }

    /** For sequences too big to hold as text: one thread, written in pieces of a round as it is made. */
    private void writeStreaming(BatchResult batch) throws IOException {
        await(pendingWrites.get(current ^ 1));
        await(pendingWrites.get(current));
        ByteText text = generations.get(current).isEmpty() ? new ByteText() : generations.get(current).get(0);
        text.clear();
        encoders.get(current).get(0).encode(batch, 0, batch.size(), text, out, roundBytes);
        text.writeTo(out);
        text.clear();
    }

    private static void await(Future<?> f) throws IOException {
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while writing", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(cause);
        }
    }

    /** Waits for queued text, flushes the stream (which stays open) and stops the threads. */
    @Override
    public void close() throws IOException {
        try {
            for (int g : new int[] {current ^ 1, current}) {
                try {
                    await(pendingWrites.get(g));
                } catch (IOException | RuntimeException e) {
                    if (e != reported) {
                        throw e;
                    }
                }
            }
            out.flush();
        } finally {
            pool.shutdownNow();
            writer.shutdownNow();
        }
    }
}
