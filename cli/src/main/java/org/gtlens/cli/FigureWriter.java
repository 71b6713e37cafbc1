package org.gtlens.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.gtlens.chart.Figure;
import org.gtlens.chart.HeatmapRenderer;
import org.gtlens.chart.SixFigures;
import org.gtlens.repr.BatchResult;
import org.gtlens.table.AtomicOutput;

/** Writes the figures of one sequence into a folder, one file per figure named as in the chart issue. */
final class FigureWriter {

    private FigureWriter() {
    }

    static List<Path> write(BatchResult batch, int seq, Path dir, FigureOptions options) throws IOException {
        return write(SixFigures.build(batch, seq), dir, options);
    }

    /** The figures of the given kinds (rollout included) and, with {@code summary}, the two summary figures. */
    static List<Path> write(BatchResult batch, int seq, java.util.Set<org.gtlens.model.Kind> kinds, boolean summary,
            Path dir, FigureOptions options) throws IOException {
        List<Figure> figures = new ArrayList<>(SixFigures.build(batch.info(), batch.sequence(seq).tokens(), kinds,
                (kind, block, head) -> batch.matrix(seq, kind, block, head)));
        if (summary) {
            figures.add(org.gtlens.chart.SummaryFigures.headScores(batch, seq));
            figures.add(org.gtlens.chart.SummaryFigures.lensStats(batch, seq));
        }
        return write(figures, dir, options);
    }

    private static List<Path> write(List<Figure> figures, Path dir, FigureOptions options) throws IOException {
        List<Path> written = new ArrayList<>();
        for (Figure figure : figures) {
            Path file = dir.resolve(figure.name() + "." + options.format.extension());
            if (options.format == FigureOptions.Format.SVG) {
                try (AtomicOutput out = new AtomicOutput(file)) {
                    out.writer().write(HeatmapRenderer.toSvg(figure.grid(), options.optionsFor(figure)));
                    out.commit();
                }
            } else {
                HeatmapRenderer.writePng(figure.grid(), options.optionsFor(figure), file);
            }
            written.add(file);
        }
        return written;
    }
}
