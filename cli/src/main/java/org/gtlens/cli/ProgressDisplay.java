package org.gtlens.cli;

import java.io.PrintStream;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import org.gtlens.repr.Extractor;

/**
 * A progress bar on stderr that appears only once a run has taken more than a second, so short runs stay quiet and
 * long ones show how far they are.
 */
final class ProgressDisplay implements Extractor.ProgressListener, AutoCloseable {

    private static final long DELAY_NANOS = 1_000_000_000L;

    private final long total;
    private final PrintStream err;
    private final long start = System.nanoTime();
    private ProgressBar bar;

    /** @param total number of sequences expected, or -1 when unknown */
    ProgressDisplay(long total, PrintStream err) {
        this.total = total;
        this.err = err;
    }

    @Override
    public void progress(long done) {
        if (bar == null && System.nanoTime() - start > DELAY_NANOS) {
            bar = new ProgressBarBuilder().setTaskName("extract").setInitialMax(total).setUnit(" seq", 1)
                    .setStyle(ProgressBarStyle.ASCII).setConsumer(new ConsoleProgressBarConsumer(err))
                    .setUpdateIntervalMillis(250).showSpeed().build();
        }
        if (bar != null) {
            bar.stepTo(done);
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
