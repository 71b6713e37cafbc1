package org.gtlens.chart;

import java.awt.Color;

/**
 * A palette stretched over a value range: what turns a number into a cell colour and what a colour legend shows.
 *
 * @param palette the colour ramp
 * @param lo      value drawn with the first colour of the ramp
 * @param hi      value drawn with the last colour of the ramp ({@code hi > lo})
 */
public record ColorScale(Palette palette, double lo, double hi) {

    public ColorScale {
        if (palette == null) {
            throw new IllegalArgumentException("palette is null");
        }
        if (!(hi > lo) || Double.isInfinite(lo) || Double.isInfinite(hi)) {
            throw new IllegalArgumentException("colour range [" + lo + ", " + hi + "] is empty or not finite");
        }
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
        double t = (value - lo) / (hi - lo);
        return t < 0 ? 0 : t > 1 ? 1 : t;
    }

    /** 0xRRGGBB colour of a value; NaN is drawn light grey so that it never passes for a real value. */
    public int rgb(double value) {
        if (Double.isNaN(value)) {
            return 0xd9d9d9;
        }
        return palette.rgb(position(value));
    }

    public Color color(double value) {
        return new Color(rgb(value));
    }
}
