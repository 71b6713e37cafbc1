package org.gtlens.chart.options;

import java.awt.Color;

/**
 * The colour ramps a heatmap may use. Stops are the published ColorBrewer / matplotlib values, interpolated into a
 * 256-entry table once, so that colouring a cell is an array lookup (rendering must stay fast) and every colour a
 * figure shows can be mapped back to its position on the ramp.
 */
public enum Palette {
    /** Perceptually uniform, dark violet to yellow; luminance rises monotonically (sequential default). */
    VIRIDIS(false, 0x440154, 0x472c7a, 0x3b518b, 0x2c718e, 0x21908d, 0x27ad81, 0x5cc863, 0xaadc32, 0xfde725),
    /** White to dark blue; luminance falls monotonically (sequential, good for probabilities on paper). */
    BLUES(false, 0xf7fbff, 0xdeebf7, 0xc6dbef, 0x9ecae1, 0x6baed6, 0x4292c6, 0x2171b5, 0x08519c, 0x08306b),
    /** Black through red and yellow to near white (sequential, matplotlib's magma). */
    MAGMA(false, 0x000004, 0x1c1044, 0x4f127b, 0x812581, 0xb5367a, 0xe55964, 0xfb8761, 0xfec287, 0xfcfdbf),
    /** Blue for negative, white at the centre, red for positive (diverging default, ColorBrewer RdBu reversed). */
    BLUE_RED(true, 0x053061, 0x2166ac, 0x4393c3, 0x92c5de, 0xd1e5f0, 0xf7f7f7, 0xfddbc7, 0xf4a582, 0xd6604d,
            0xb2182b, 0x67001f),
    /** Purple for negative, white at the centre, orange for positive (diverging, ColorBrewer PuOr reversed). */
    PURPLE_ORANGE(true, 0x2d004b, 0x542788, 0x8073ac, 0xb2abd2, 0xd8daeb, 0xf7f7f7, 0xfee0b6, 0xfdb863, 0xe08214,
            0xb35806, 0x7f3b08);

    /** Number of entries of the lookup table. */
    public static final int SIZE = 256;

    private final boolean diverging;
    private final int[] table = new int[SIZE];

    Palette(boolean diverging, int... stops) {
        this.diverging = diverging;
        for (int i = 0; i < SIZE; i++) {
            double pos = i / (double) (SIZE - 1) * (stops.length - 1);
            int lo = Math.min((int) Math.floor(pos), stops.length - 2);
            double f = pos - lo;
            table[i] = mix(stops[lo], stops[lo + 1], f);
        }
    }

    private static int mix(int a, int b, double f) {
        int r = (int) Math.round(((a >> 16) & 0xff) * (1 - f) + ((b >> 16) & 0xff) * f);
        int g = (int) Math.round(((a >> 8) & 0xff) * (1 - f) + ((b >> 8) & 0xff) * f);
        int bl = (int) Math.round((a & 0xff) * (1 - f) + (b & 0xff) * f);
        return (r << 16) | (g << 8) | bl;
    }

    /** True for ramps made to be centred at zero (light middle, two hues). */
    public boolean diverging() {
        return diverging;
    }

    /** The 0xRRGGBB colour at position {@code t} in [0, 1] (clamped; NaN gives the lowest colour). */
    public int rgb(double t) {
        return table[index(t)];
    }

    /** The table entry of position {@code t} in [0, 1] (clamped; NaN gives entry 0). */
    public static int index(double t) {
        if (!(t > 0)) {
            return 0;
        }
        if (t >= 1) {
            return SIZE - 1;
        }
        return (int) Math.round(t * (SIZE - 1));
    }

    /** The colour at position {@code t} in [0, 1]. */
    public Color color(double t) {
        return new Color(rgb(t));
    }

    /** Table entry {@code i} (0..SIZE-1), 0xRRGGBB. */
    public int entry(int i) {
        return table[i];
    }
}
