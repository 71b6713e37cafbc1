package org.gtlens.chart;

import org.gtlens.model.Kind;

/**
 * One of the six standard figures of a sequence.
 *
 * @param name file-friendly name, e.g. {@code attention_maps}
 * @param kind the tensor kind it shows
 * @param grid the heatmaps
 */
public record Figure(String name, Kind kind, HeatmapGrid grid) {

    /** The options this figure is drawn with by default (three decimals for probabilities). */
    public ChartOptions defaultOptions() {
        return SixFigures.defaultOptions(kind);
    }
}
