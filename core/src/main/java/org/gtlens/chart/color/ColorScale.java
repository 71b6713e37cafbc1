package org.gtlens.chart.color;

import java.awt.Color;
import org.gtlens.chart.options.Palette;

/**
 * A palette stretched over a value range: what turns a number into a cell colour and what a colour legend shows.
 *
 * @param palette the colour ramp
 * @param lo      value drawn with the first colour of the ramp
 * @param hi      value drawn with the last colour of the ramp ({@code hi > lo})
 * @param log     true: positions follow log(value), so {@code lo} must be positive; values at or below it get the
 *                first colour
 */
public record ColorScale(Palette palette, double lo, double hi, boolean log) {

    public ColorScale {
        if (palette == null) {
            throw new IllegalArgumentException("palette is null");
        }
        if (!(hi > lo) || Double.isInfinite(lo) || Double.isInfinite(hi)) {
            throw new IllegalArgumentException("colour range [" + lo + ", " + hi + "] is empty or not finite");
        }
        if (log && !(lo > 0)) {
            throw new IllegalArgumentException("a logarithmic colour range must start above 0, got " + lo);
        }
    }

    /** The light grey of a cell without a value (missing or masked): never a colour of any ramp. */
    public static final int MISSING_RGB = 0xd9d9d9;

    /** A linear scale. */
    public ColorScale(Palette palette, double lo, double hi) {
        this(palette, lo, hi, false);
    }

    /** Smallest ratio lo/hi of a logarithmic scale: six decades, so that one tiny value does not flatten the rest. */
    static final double LOG_DECADES = 6;

    /**
     * A logarithmic scale for positive values in [minPositive, max]; a range of more than {@link #LOG_DECADES}
     * decades is cut at the bottom (those cells get the first colour).
     */
    public static ColorScale fitLog(Palette palette, double minPositive, double max) {
        if (!(max > 0) || !Double.isFinite(max)) {
            return new ColorScale(palette, 1e-6, 1, true);
        }
        double lo = Double.isFinite(minPositive) && minPositive > 0 ? minPositive : max * 1e-3;
        lo = Math.max(lo, max * Math.pow(10, -LOG_DECADES));
        if (!(max > lo)) {
            lo = max / 10;
        }
        return new ColorScale(palette, lo, max, true);
    }

    /**
     * The scale for values in [min, max]: a diverging palette is centred at 0 (symmetric range, so that white means
     * zero); a sequential one starts at 0 when all values are non-negative (so that 0 always looks like 0). Empty
     * or degenerate ranges are widened so that the scale is always valid.
     */
    public static ColorScale fit(Palette palette, double min, double max) {
        if (!Double.isFinite(min) || !Double.isFinite(max)) {
            min = 0;
            max = 1;
        }
        double lo;
        double hi;
        if (palette.diverging()) {
            double m = Math.max(Math.abs(min), Math.abs(max));
            lo = -m;
            hi = m;
        } else {
            lo = min >= 0 ? 0 : min;
            hi = max;
        }
        if (!(hi > lo)) {
            double pad = Math.max(Math.abs(lo) * 0.5, 0.5);
            lo -= pad;
            hi += pad;
            if (min >= 0 && !palette.diverging()) {
                lo = 0;
            }
        }
        return new ColorScale(palette, lo, hi);
    }

    /** Position of a value on the ramp, in [0, 1]. */
    public double position(double value) {
        double t = log ? (value <= lo ? 0 : Math.log(value / lo) / Math.log(hi / lo)) : (value - lo) / (hi - lo);
        return t < 0 ? 0 : t > 1 ? 1 : t;
    }

    /** 0xRRGGBB colour of a value; NaN is drawn light grey so that it never passes for a real value. */
    public int rgb(double value) {
        if (Double.isNaN(value)) {
            return MISSING_RGB;
        }
        return palette.rgb(position(value));
    }

    public Color color(double value) {
        return new Color(rgb(value));
    }
}
