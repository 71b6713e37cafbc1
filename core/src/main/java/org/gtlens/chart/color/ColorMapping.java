package org.gtlens.chart.color;

import org.gtlens.chart.options.ChartOptions.ValueScale;
import org.gtlens.chart.data.HeatmapGrid;
import org.gtlens.chart.data.HeatmapPanelData;
import org.gtlens.chart.options.ChartOptions;
import org.gtlens.chart.options.Palette;

/**
 * The colour scale of every panel of a figure, resolved once from the data and the options: which ramp (AUTO picks a
 * diverging one centred at 0 when the figure holds both signs), linear, logarithmic or row-relative, one range for
 * all panels or one per panel, and how many decimals value labels get.
 */
public final class ColorMapping {

    private final ColorScale shared;
    private final ColorScale[][] scales;
    private final int decimals;
    private final double min;
    private final double max;
    private final ValueScale valueScale;

    private ColorMapping(ColorScale shared, ColorScale[][] scales, int decimals, double min, double max,
            ValueScale valueScale) {
        this.shared = shared;
        this.scales = scales;
        this.decimals = decimals;
        this.min = min;
        this.max = max;
        this.valueScale = valueScale;
    }

    public static ColorMapping resolve(HeatmapGrid grid, ChartOptions options) {
        int rows = grid.gridRows();
        int cols = grid.gridCols();
        double[][] mins = new double[rows][cols];
        double[][] maxs = new double[rows][cols];
        double[][] minPos = new double[rows][cols];
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double minPositive = Double.POSITIVE_INFINITY;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                HeatmapPanelData p = grid.panel(r, c);
                double lo = Double.POSITIVE_INFINITY;
                double hi = Double.NEGATIVE_INFINITY;
                double pos = Double.POSITIVE_INFINITY;
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
                        if (v > 0 && v < pos) {
                            pos = v;
                        }
                    }
                }
                mins[r][c] = lo;
                maxs[r][c] = hi;
                minPos[r][c] = pos;
                min = Math.min(min, lo);
                max = Math.max(max, hi);
                minPositive = Math.min(minPositive, pos);
            }
        }
        boolean diverging = switch (options.palette()) {
            case AUTO -> min < 0 && max > 0;
            case SEQUENTIAL -> false;
            case DIVERGING -> true;
        };
        Palette palette = diverging ? options.diverging() : options.sequential();
        // A logarithm has no place for signed data or a diverging ramp: such figures stay linear (the legend says so).
        ValueScale vs = options.valueScale();
        if (vs == ValueScale.LOG && (min < 0 || diverging)) {
            vs = ValueScale.LINEAR;
        }
        ColorScale shared;
        if (vs == ValueScale.ROW) {
            shared = new ColorScale(palette, diverging ? -1 : 0, 1);
        } else if (options.fixedRange()) {
            shared = vs == ValueScale.LOG && options.rangeMin() > 0
                    ? new ColorScale(palette, options.rangeMin(), options.rangeMax(), true)
                    : new ColorScale(palette, options.rangeMin(), options.rangeMax());
        } else {
            shared = vs == ValueScale.LOG ? ColorScale.fitLog(palette, minPositive, max)
                    : ColorScale.fit(palette, min, max);
        }
        boolean one = options.range() == ChartOptions.RangeMode.SHARED || options.fixedRange()
                || vs == ValueScale.ROW;
        ColorScale[][] scales = new ColorScale[rows][cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                scales[r][c] = one ? shared
                        : vs == ValueScale.LOG ? ColorScale.fitLog(palette, minPos[r][c], maxs[r][c])
                        : ColorScale.fit(palette, mins[r][c], maxs[r][c]);
            }
        }
        int decimals = options.decimals() >= 0 ? options.decimals()
                : ValueFormat.autoDecimals(Double.isFinite(min) ? min : 0, Double.isFinite(max) ? max : 0);
        return new ColorMapping(options.range() == ChartOptions.RangeMode.SHARED || vs == ValueScale.ROW ? shared
                : null, scales, decimals, min, max, vs);
    }

    /** The figure's single scale, or null when each panel has its own. */
    public ColorScale shared() {
        return shared;
    }

    public ColorScale scale(int gridRow, int gridCol) {
        return scales[gridRow][gridCol];
    }

    /** The scale really used: LOG falls back to LINEAR for signed figures. */
    public ValueScale valueScale() {
        return valueScale;
    }

    /** What the legend calls the scale, e.g. "log scale" or "share of the row's largest value". */
    public String legendLabel() {
        return switch (valueScale) {
            case LINEAR -> "";
            case LOG -> "log scale";
            case ROW -> "relative to the row's largest |value|";
        };
    }

    /**
     * The numbers the colours are taken from, one per cell of a panel: the values themselves, or with the ROW scale
     * each row divided by its largest absolute value (a row of zeros stays 0, missing values stay NaN).
     */
    public float[] colourValues(HeatmapPanelData p) {
        float[] out = p.values().toArray();
        if (valueScale != ValueScale.ROW) {
            return out;
        }
        int cols = p.cols();
        for (int r = 0; r < p.rows(); r++) {
            float m = 0;
            for (int c = 0; c < cols; c++) {
                float v = Math.abs(out[r * cols + c]);
                if (v > m && v != Float.POSITIVE_INFINITY) {
                    m = v;
                }
            }
            if (m > 0) {
                for (int c = 0; c < cols; c++) {
                    out[r * cols + c] /= m;
                }
            }
        }
        return out;
    }

    public int decimals() {
        return decimals;
    }

    /** Smallest finite value of the figure (+infinity if none). */
    public double min() {
        return min;
    }

    /** Largest finite value of the figure (-infinity if none). */
    public double max() {
        return max;
    }
}
