package org.gtlens.chart.figures;

import org.gtlens.chart.data.HeatmapGrid;
import org.gtlens.chart.options.ChartOptions;
import org.gtlens.model.Kind;

/**
 * One figure: a grid of heatmaps of some kind, with the options it is drawn with unless the user says otherwise.
 *
 * @param kind     what it shows, which names it and says how it is drawn
 * @param grid     the heatmaps
 * @param defaults the options it is drawn with unless the user says otherwise
 */
public record Figure(FigureKind kind, HeatmapGrid grid, ChartOptions defaults) {

    /** A figure drawn with its kind's default options. */
    public Figure(FigureKind kind, HeatmapGrid grid) {
        this(kind, grid, kind.defaults());
    }

    /** The file name without extension, e.g. {@code attention_maps}. */
    public String name() {
        return kind.fileName();
    }

    /** The representation kind it shows, or null for a summary or another table. */
    public Kind representation() {
        return kind.kind();
    }
}
