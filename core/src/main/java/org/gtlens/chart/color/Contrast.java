package org.gtlens.chart.color;

import java.awt.Color;

/**
 * WCAG 2 relative luminance and contrast ratio, used to pick the text colour of each cell so that value labels stay
 * readable on light and dark cells alike (the notebook's white-on-yellow labels could not be read).
 */
public final class Contrast {

    /** Text colour on light cells. */
    public static final int DARK_TEXT = 0x000000;
    /** Text colour on dark cells. */
    public static final int LIGHT_TEXT = 0xffffff;

    private static final double[] LINEAR = new double[256];

    static {
        for (int i = 0; i < 256; i++) {
            double c = i / 255.0;
            LINEAR[i] = c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
        }
    }

    private Contrast() {
    }

    /** Relative luminance of a 0xRRGGBB colour, 0 (black) to 1 (white). */
    public static double luminance(int rgb) {
        return 0.2126 * LINEAR[(rgb >> 16) & 0xff] + 0.7152 * LINEAR[(rgb >> 8) & 0xff] + 0.0722 * LINEAR[rgb & 0xff];
    }

    /** WCAG contrast ratio of two colours, 1 to 21. */
    public static double ratio(int rgb1, int rgb2) {
        double a = luminance(rgb1);
        double b = luminance(rgb2);
        return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    }

    /**
     * Black or white, whichever contrasts more with the background; black and white guarantee a ratio of at least
     * 4.58 on any background, above WCAG's 4.5 for normal text.
     */
    public static int textOn(int backgroundRgb) {
        return ratio(DARK_TEXT, backgroundRgb) >= ratio(LIGHT_TEXT, backgroundRgb) ? DARK_TEXT : LIGHT_TEXT;
    }

    public static Color textOn(Color background) {
        return new Color(textOn(background.getRGB() & 0xffffff));
    }
}
