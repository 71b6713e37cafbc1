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
        List<Path> written = new ArrayList<>();
        for (Figure figure : SixFigures.build(batch, seq)) {
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
