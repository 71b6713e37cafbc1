package org.gtlens.table;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.gtlens.model.Kind;
import org.gtlens.repr.BatchResult;

/**
 * Writes the long layout of each batch to CSV with several threads: formatting hundreds of rows per sequence, not
 * the model, is what limits a CSV export. Each thread formats a contiguous share of the batch's sequences into its
 * own text, and the shares are written in order, so the file is the same as a single writer's. Memory is the text
 * of one batch.
 */
public final class ParallelLongCsv implements AutoCloseable {

    private final Writer out;
    private final Set<Kind> kinds;
    private final int threads;
    private final ExecutorService pool;
    /** One text buffer per share, kept from batch to batch so formatting makes little garbage. */
    private final List<Text> shares = new ArrayList<>();

    /** Writes the header at once; {@code threads} formatting threads in all (the caller's counts as one). */
    public ParallelLongCsv(Writer out, Set<Kind> kinds, int threads) throws IOException {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.out = out;
        this.kinds = Set.copyOf(kinds);
        this.threads = threads;
        this.pool = threads > 1 ? Executors.newFixedThreadPool(threads - 1, r -> {
            Thread t = new Thread(r, "gtlens-csv");
            t.setDaemon(true);
            return t;
        }) : null;
        new CsvLongWriter(out, true).close();
    }

    /** Appends the batch's rows; returns when they are all handed to the writer. */
    public void write(BatchResult batch) throws IOException {
        int parts = Math.min(threads, batch.size());
        if (parts <= 1) {
            format(batch, 0, batch.size(), out);
            return;
        }
        while (shares.size() < parts) {
            shares.add(new Text());
        }
        List<Future<Text>> futures = new ArrayList<>();
        for (int p = 1; p < parts; p++) {
            int from = batch.size() * p / parts;
            int to = batch.size() * (p + 1) / parts;
            Text text = shares.get(p);
            text.clear();
            futures.add(pool.submit(() -> {
                format(batch, from, to, text);
                return text;
            }));
        }
        try {
            format(batch, 0, batch.size() / parts, out);
            for (Future<Text> f : futures) {
                out.append(f.get().builder);
            }
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
            throw new IllegalStateException(cause);
        } finally {
            for (Future<Text> f : futures) {
                f.cancel(true);
            }
        }
    }

    private void format(BatchResult batch, int from, int to, Writer target) throws IOException {
        CsvLongWriter writer = new CsvLongWriter(target, false);
        Layouts.writeLong(batch, kinds, writer, from, to);
        writer.close();
    }

    /** A writer into a reusable StringBuilder (StringWriter's buffer is synchronized and cannot be reused). */
    private static final class Text extends Writer {
        final StringBuilder builder = new StringBuilder();

        void clear() {
            builder.setLength(0);
        }

        @Override
        public void write(char[] chars, int off, int len) {
            builder.append(chars, off, len);
        }

        @Override
        public void write(String str) {
            builder.append(str);
        }

        @Override
        public Writer append(CharSequence csq) {
            builder.append(csq);
            return this;
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    /** Flushes the writer (which stays open) and stops the formatting threads. */
    @Override
    public void close() throws IOException {
        if (pool != null) {
            pool.shutdownNow();
        }
        out.flush();
    }
}
