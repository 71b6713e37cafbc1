package org.gtlens.cli;

import java.io.PrintStream;
import java.util.function.LongSupplier;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import org.gtlens.repr.Extractor;

/**
 * Progress on stderr once a run has taken more than a second, so short runs stay quiet and long ones show how far they
 * are: on a terminal a bar redrawn in place (carriage-return frames); otherwise (stderr a file or a pipe, a log) one
 * plain line every {@value #LINE_SECONDS} seconds, so that logs hold lines, not frames.
 */
final class ProgressDisplay implements Extractor.ProgressListener, AutoCloseable {

    /** What a run counts, as its bar and its lines name it. */
    enum Task {
        EXTRACT("extract", "sequences", " seq"), ABLATE("ablate", "sequences", " seq"), PATCH("patch", "pairs",
                " pair");

        final String name;
        final String things;
        final String unit;

        Task(String name, String things, String unit) {
            this.name = name;
            this.things = things;
            this.unit = unit;
        }
    }

    private static final long DELAY_NANOS = 1_000_000_000L;
    /** Seconds between two plain lines when stderr is no terminal. */
    static final int LINE_SECONDS = 10;

    private final Task task;
    private final long total;
    private final PrintStream err;
    private final boolean terminal;
    private final LongSupplier clock;
    private final long start;
    private ProgressBar bar;
    private long nextLine;
    private long done;
    private boolean lines;

    /** @param total number of sequences (or pairs) expected, or -1 when unknown */
    ProgressDisplay(Task task, long total, PrintStream err) {
        this(task, total, err, System.console() != null, System::nanoTime);
    }

    /** @param terminal whether {@code err} is a terminal (Java's console: stdin and stdout are, and so stderr) */
    ProgressDisplay(Task task, long total, PrintStream err, boolean terminal, LongSupplier clock) {
        this.task = task;
        this.total = total;
        this.err = err;
        this.terminal = terminal;
        this.clock = clock;
        this.start = clock.getAsLong();
        this.nextLine = start + DELAY_NANOS;
    }

    @Override
    public void progress(long done) {
        this.done = done;
        long now = clock.getAsLong();
        if (!terminal) {
            if (now >= nextLine) {
                line(now);
                nextLine = now + LINE_SECONDS * 1_000_000_000L;
            }
            return;
        }
        if (bar == null && now - start > DELAY_NANOS) {
            bar = new ProgressBarBuilder().setTaskName(task.name).setInitialMax(total).setUnit(task.unit, 1)
                    .setStyle(ProgressBarStyle.ASCII).setConsumer(new ConsoleProgressBarConsumer(err))
                    .setUpdateIntervalMillis(250).showSpeed().build();
        }
        if (bar != null) {
            bar.stepTo(done);
        }
    }

    private void line(long now) {
        lines = true;
        double seconds = (now - start) / 1e9;
        err.println("gtlens: " + done + (total >= 0 ? " of " + total : "") + " " + task.things
                + (total > 0 ? String.format(java.util.Locale.ROOT, " (%d%%)", done * 100 / total) : "")
                + String.format(java.util.Locale.ROOT, " after %.0f s", seconds));
        err.flush();
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
        if (lines) {
            line(clock.getAsLong()); // where it ended, once the run has printed lines at all
        }
    }
}
