package org.gtlens.chart.figures;

import org.gtlens.chart.options.ChartOptions;
import org.gtlens.chart.options.ChartOptions.LabelMode;
import org.gtlens.chart.options.ChartOptions.PaletteFamily;
import org.gtlens.chart.options.ChartOptions.RangeMode;
import org.gtlens.chart.options.ChartOptions.ValueScale;

/**
 * What a user chose about how figures look, applied in one place to a figure's own defaults: by the command line's
 * options, the explorer's pickers and the Heatmap View's settings alike.
 *
 * @param palette    the palette family, or null for the figure kind's own
 * @param valueScale how values map onto colours
 * @param range      shared or per panel, or null for the figure kind's own
 * @param labels     value labels in cells, or null for the figure's own
 * @param flipRows   row 0 at the bottom
 * @param zoom       device pixels per logical pixel of raster output
 * @param width      overall width in logical pixels, or 0 to fit the content
 * @param height     overall height in logical pixels, or 0 to fit the content
 */
public record FigureChoices(PaletteFamily palette, ValueScale valueScale, RangeMode range, LabelMode labels,
        boolean flipRows, double zoom, int width, int height) {

    /** Nothing chosen: every figure as its kind draws it. */
    public static final FigureChoices NONE = new FigureChoices(null, ValueScale.LINEAR, null, null, false, 1, 0, 0);

    /** These choices with another value scale and range (the explorer's pickers). */
    public FigureChoices with(ValueScale scale, RangeMode newRange) {
        return new FigureChoices(palette, scale, newRange, labels, flipRows, zoom, width, height);
    }

    /** The options a figure is drawn with: its defaults, changed where the user chose. */
    public ChartOptions apply(Figure figure) {
        ChartOptions.Builder b = figure.defaults().toBuilder().valueScale(valueScale).flipRows(flipRows).zoom(zoom)
                .size(width, height);
        if (palette != null && palette != PaletteFamily.AUTO) {
            b.palette(palette);
        }
        if (range != null) {
            b.range(range);
        }
        if (labels != null) {
            b.valueLabels(labels);
        }
        return b.build();
    }
}
