package org.gtlens.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.gtlens.GtLensException;
import org.gtlens.chart.options.ChartOptions;
import org.gtlens.chart.figures.Figure;
import org.gtlens.chart.layout.FigureLayout;
import org.gtlens.chart.plot.HeatmapGridPlot;
import org.gtlens.chart.output.HeatmapRenderer;
import org.gtlens.chart.figures.RepresentationFigures;
import org.gtlens.chart.figures.SummaryFigures;
import org.gtlens.model.Kind;
import org.gtlens.repr.BatchResult;
import org.gtlens.repr.Selection;
import org.gtlens.files.AtomicOutput;
import org.jfree.chart.JFreeChart;

/**
 * Writes the figures of one sequence into a folder, one file per figure named by its FigureKind. All figures of
 * a run appear together or none does: each is drawn into a temporary file first, and only when all are written are
 * they moved into place together ({@link AtomicOutput#commitAll}: a failed move restores what was there before).
 */
final class FigureWriter {

    /** The largest raster a figure may become (200 MB of pixels); beyond it --zoom is too large for the figure. */
    static final long MAX_PIXELS = 50_000_000L;

    private FigureWriter() {
    }

    /** The figures of the given kinds (rollout included) and, with {@code summary}, the two summary figures. */
    static List<Path> write(BatchResult batch, int seq, Set<Kind> kinds, Selection selection, boolean summary,
            Path dir, FigureOptions options, PrintWriter err) throws IOException, GtLensException {
        List<Figure> figures = new ArrayList<>(RepresentationFigures.build(batch.info(), batch.sequence(seq).tokens(), kinds,
                (kind, block, head) -> batch.matrix(seq, kind, block, head), selection));
        if (summary) {
            figures.add(SummaryFigures.headScores(batch, seq));
            figures.add(SummaryFigures.lensStats(batch, seq));
        }
        return write(figures, dir, options, err);
    }

    /**
     * Tests only: with the system property {@value #HOLD_PROPERTY} (milliseconds), waits that long with every figure
     * (and the tables committed with them) written as a temporary file and none committed, or until the process shuts
     * down, so that a test can signal the run at exactly that point instead of racing the clock.
     */
    static final String HOLD_PROPERTY = "gtlens.test.holdBeforeCommit";

    private static void holdForTest() {
        long ms = Long.getLong(HOLD_PROPERTY, 0);
        long end = System.nanoTime() + ms * 1_000_000L;
        while (ms > 0 && System.nanoTime() < end && !AtomicOutput.discarding()) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    static List<Path> write(List<Figure> figures, Path dir, FigureOptions options, PrintWriter err)
            throws IOException, GtLensException {
        List<AtomicOutput> outputs = prepare(figures, dir, options, err);
        try {
            holdForTest();
            AtomicOutput.commitAll(outputs);
            List<Path> written = new ArrayList<>();
            for (AtomicOutput out : outputs) {
                written.add(out.target());
            }
            return written;
        } finally {
            for (AtomicOutput out : outputs) {
                out.close();
            }
        }
    }

    /**
     * Draws the figures and commits them together with a run's finished tables ({@link AtomicOutput#commitAll}):
     * tables and figures appear together or not at all.
     *
     * @return the figure files
     */
    static List<Path> writeWith(List<AtomicOutput> tables, List<Figure> figures, Path dir, FigureOptions options,
            PrintWriter err) throws IOException, GtLensException {
        List<AtomicOutput> drawn = prepare(figures, dir, options, err);
        try {
            List<AtomicOutput> all = new ArrayList<>(tables);
            all.addAll(drawn);
            holdForTest();
            AtomicOutput.commitAll(all);
            return drawn.stream().map(AtomicOutput::target).toList();
        } finally {
            for (AtomicOutput o : drawn) {
                o.close();
            }
        }
    }

    /**
     * Draws the figures into temporary files and returns them uncommitted, for a command that commits them together
     * with its tables ({@link AtomicOutput#commitAll}); the caller closes them (which discards what was not
     * committed).
     */
    static List<AtomicOutput> prepare(List<Figure> figures, Path dir, FigureOptions options, PrintWriter err)
            throws IOException, GtLensException {
        List<JFreeChart> charts = new ArrayList<>();
        for (Figure figure : figures) {
            ChartOptions o = options.optionsFor(figure);
            JFreeChart chart = HeatmapRenderer.chart(figure.grid(), o);
            FigureLayout layout = ((HeatmapGridPlot) chart.getPlot()).naturalLayout();
            if (options.format == FigureOptions.Format.PNG) {
                long w = (long) Math.ceil(layout.width() * o.zoom());
                long h = (long) Math.ceil(layout.height() * o.zoom());
                if (w * h > MAX_PIXELS) {
                    double most = Math.sqrt((double) MAX_PIXELS / ((long) layout.width() * layout.height()));
                    throw new GtLensException(figure.name() + " would be " + w + " x " + h + " pixels ("
                            + (w * h * 4 >> 20) + " MB); use --zoom " + String.format(java.util.Locale.ROOT,
                                    "%.1f", Math.floor(most * 10) / 10) + " or less, or --format svg.");
                }
            }
            if (layout.labelsDropped()) {
                err.println("gtlens: " + figure.name() + ": cells of " + layout.boxes().get(0).cellW()
                        + " px are too small for value labels even at " + "the largest figure size; drawn without "
                        + "them (choose fewer --blocks, --heads or --positions to read them).");
            }
            charts.add(chart);
        }
        List<AtomicOutput> outputs = new ArrayList<>();
        boolean done = false;
        try {
            for (int i = 0; i < figures.size(); i++) {
                Figure figure = figures.get(i);
                AtomicOutput out = new AtomicOutput(dir.resolve(figure.name() + "." + options.format.extension()));
                outputs.add(out);
                if (options.format == FigureOptions.Format.SVG) {
                    out.writer().write(HeatmapRenderer.toSvg(charts.get(i)));
                } else {
                    out.stream().write(HeatmapRenderer.png(HeatmapRenderer.toImage(charts.get(i))));
                }
            }
            done = true;
            return outputs;
        } finally {
            if (!done) {
                for (AtomicOutput out : outputs) {
                    out.close();
                }
            }
        }
    }
}
