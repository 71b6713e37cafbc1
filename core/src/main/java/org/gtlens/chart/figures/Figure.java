package org.gtlens.chart.figures;

import org.gtlens.model.Kind;
import org.gtlens.chart.data.HeatmapGrid;
import org.gtlens.chart.options.ChartOptions;

/**
 * One figure of a sequence: one of the standard figures of a kind, or a summary figure.
 *
 * @param name     file-friendly name, e.g. {@code attention_maps}
 * @param kind     the tensor kind it shows, or null for a summary figure
 * @param grid     the heatmaps
 * @param defaults the options it is drawn with unless the user says otherwise
 */
public record Figure(String name, Kind kind, HeatmapGrid grid, ChartOptions defaults) {

    /** A figure of a kind, drawn with that kind's default options. */
    public Figure(String name, Kind kind, HeatmapGrid grid) {
        this(name, kind, grid, SixFigures.defaultOptions(kind));
    }

    /** The options this figure is drawn with by default (three decimals for probabilities). */
    public ChartOptions defaultOptions() {
        return defaults;
    }
}
