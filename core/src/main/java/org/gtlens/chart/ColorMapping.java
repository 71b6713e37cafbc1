package org.gtlens.chart;

/**
 * The colour scale of every panel of a figure, resolved once from the data and the options: which ramp (AUTO picks a
 * diverging one centred at 0 when the figure holds both signs), one range for all panels or one per panel, and how
 * many decimals value labels get.
 */
final class ColorMapping {

    private final ColorScale shared;
    private final ColorScale[][] scales;
    private final int decimals;
    private final double min;
    private final double max;

    private ColorMapping(ColorScale shared, ColorScale[][] scales, int decimals, double min, double max) {
        this.shared = shared;
        this.scales = scales;
        this.decimals = decimals;
        this.min = min;
        this.max = max;
    }

    static ColorMapping resolve(HeatmapGrid grid, ChartOptions options) {
        int rows = grid.gridRows();
        int cols = grid.gridCols();
        double[][] mins = new double[rows][cols];
        double[][] maxs = new double[rows][cols];
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                HeatmapPanelData p = grid.panel(r, c);
                double lo = Double.POSITIVE_INFINITY;
                double hi = Double.NEGATIVE_INFINITY;
                if (p != null) {
                    float[] data = p.values().data();
                    int off = p.values().offset();
                    for (int i = off, n = off + p.rows() * p.cols(); i < n; i++) {
                        float v = data[i];
                        if (v < lo && v != Float.NEGATIVE_INFINITY) {
                            lo = v;
                        }
                        if (v > hi && v != Float.POSITIVE_INFINITY) {
                            hi = v;
                        }
                    }
                }
                mins[r][c] = lo;
                maxs[r][c] = hi;
                min = Math.min(min, lo);
                max = Math.max(max, hi);
            }
        }
        boolean diverging = switch (options.scale()) {
            case AUTO -> min < 0 && max > 0;
            case SEQUENTIAL -> false;
            case DIVERGING -> true;
        };
        Palette palette = diverging ? options.diverging() : options.sequential();
        ColorScale shared = options.fixedRange() ? new ColorScale(palette, options.rangeMin(), options.rangeMax())
                : ColorScale.fit(palette, min, max);
        ColorScale[][] scales = new ColorScale[rows][cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                scales[r][c] = options.range() == ChartOptions.RangeMode.SHARED || options.fixedRange() ? shared
                        : ColorScale.fit(palette, mins[r][c], maxs[r][c]);
            }
        }
        int decimals = options.decimals() >= 0 ? options.decimals()
                : ValueFormat.autoDecimals(Double.isFinite(min) ? min : 0, Double.isFinite(max) ? max : 0);
        return new ColorMapping(options.range() == ChartOptions.RangeMode.SHARED ? shared : null, scales, decimals,
                min, max);
    }

    /** The figure's single scale, or null when each panel has its own. */
    ColorScale shared() {
        return shared;
    }

    ColorScale scale(int gridRow, int gridCol) {
        return scales[gridRow][gridCol];
    }

    int decimals() {
        return decimals;
    }

    /** Smallest finite value of the figure (+infinity if none). */
    double min() {
        return min;
    }

    /** Largest finite value of the figure (-infinity if none). */
    double max() {
        return max;
    }
}
