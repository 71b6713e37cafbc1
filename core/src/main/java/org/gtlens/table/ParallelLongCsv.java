package org.gtlens.table;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;

import org.gtlens.model.Kind;
import org.gtlens.model.ModelInfo;
import org.gtlens.repr.BatchResult;
import org.gtlens.repr.Labels;

/**
 * Writes the long layout of each batch to CSV as fast as the disk takes it: formatting hundreds of rows per
 * sequence, not the model, limits a CSV export. Each thread encodes a contiguous share of the batch's sequences
 * into its own bytes, and the shares are written in order, so the file is the same as {@link CsvLongWriter}'s.
 * Writing to the stream happens on a thread of its own while the next batch is extracted and encoded. Memory is
 * the text of two rounds of encoding, each at most about {@link #ROUND_BYTES}, whatever the batch or the model.
 */
public final class ParallelLongCsv implements AutoCloseable {

    /**
     * Text one round of encoding holds at most (about): a batch is encoded in rounds of as many sequences as fit,
     * so memory stays bounded whatever the model's size; a sequence whose rows alone exceed it is streamed.
     */
    static final long ROUND_BYTES = 16L << 20;
    /** A generous guess at the bytes of one long row, for sizing rounds. */
    private static final int ROW_BYTES = 64;

    private final OutputStream out;
    private final ModelInfo info;
    private final Set<Kind> kinds;
    private final long roundBytes;
    private final int threads;
    private final ExecutorService pool;
    private final ExecutorService writer;
    private final List<LongCsvEncoder> encoders = new ArrayList<>();
    /** Two sets of share texts: one being written while the other is filled. */
    private final List<List<ByteText>> generations = List.of(new ArrayList<>(), new ArrayList<>());
    private final List<Future<?>> pendingWrites = new ArrayList<>(List.of(done(), done()));
    private int current;

    /** Writes the header at once; {@code threads} encoding threads in all (the caller's counts as one). */
    public ParallelLongCsv(OutputStream out, ModelInfo info, Set<Kind> kinds, int threads) throws IOException {
        this(out, info, kinds, threads, ROUND_BYTES);
    }

    /** @param roundBytes about how much text one round of encoding may hold in memory */
    ParallelLongCsv(OutputStream out, ModelInfo info, Set<Kind> kinds, int threads, long roundBytes)
            throws IOException {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.out = out;
        this.info = info;
        this.kinds = Set.copyOf(kinds);
        this.threads = threads;
        this.roundBytes = roundBytes;
        for (int i = 0; i < threads; i++) {
            encoders.add(new LongCsvEncoder(info, kinds));
        }
        this.pool = threads > 1 ? Executors.newFixedThreadPool(threads - 1, daemon("gtlens-csv")) : null;
        this.writer = Executors.newSingleThreadExecutor(daemon("gtlens-csv-writer"));
        out.write((CsvLongWriter.FORMAT.format((Object[]) CsvLongWriter.HEADER) + "\n")
                .getBytes(StandardCharsets.UTF_8));
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
        long perSequence = ROW_BYTES * rowsPerSequence(batch.length());
        if (perSequence > roundBytes) {
            writeStreaming(batch);
            return;
        }
        int perRound = (int) Math.max(1, Math.min(batch.size(), roundBytes / Math.max(1, perSequence)));
        for (int from = 0; from < batch.size(); from += perRound) {
            writeRound(batch, from, Math.min(batch.size(), from + perRound));
        }
    }

    private long rowsPerSequence(int length) {
        long rows = 0;
        for (Kind kind : kinds) {
            rows += (long) (kind.perHead() ? info.heads() : 1) * length * Labels.columns(info, kind, length);
        }
        return rows * info.depth();
    }

    /** Encodes sequences {@code from} to {@code to} on all threads and queues their text. */
    private void writeRound(BatchResult batch, int from, int to) throws IOException {
        int size = to - from;
        int parts = Math.max(1, Math.min(threads, size));
        List<ByteText> texts = generations.get(current);
        await(pendingWrites.get(current));
        while (texts.size() < parts) {
            texts.add(new ByteText());
        }
        List<Future<?>> futures = new ArrayList<>();
        try {
            for (int p = 1; p < parts; p++) {
                int start = from + size * p / parts;
                int end = from + size * (p + 1) / parts;
                ByteText text = texts.get(p);
                LongCsvEncoder encoder = encoders.get(p);
                futures.add(pool.submit(() -> {
                    text.clear();
                    encoder.encode(batch, start, end, text);
                }));
            }
            ByteText first = texts.get(0);
            first.clear();
            encoders.get(0).encode(batch, from, from + size / parts, first);
            for (Future<?> f : futures) {
                await(f);
            }
        } finally {
            for (Future<?> f : futures) {
                f.cancel(true);
            }
        }
        pendingWrites.set(current, writer.submit(() -> {
            for (int p = 0; p < parts; p++) {
                texts.get(p).writeTo(out);
            }
            return null;
        }));
        current ^= 1;
    }

    /** For sequences too big to hold as text: one thread, written as it is made. */
    private void writeStreaming(BatchResult batch) throws IOException {
        await(pendingWrites.get(current ^ 1));
        await(pendingWrites.get(current));
        Writer text = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        CsvLongWriter rows = new CsvLongWriter(text, false);
        Layouts.writeLong(batch, kinds, rows);
        rows.close();
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
            await(pendingWrites.get(current ^ 1));
            await(pendingWrites.get(current));
            out.flush();
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
            writer.shutdownNow();
        }
    }
}
