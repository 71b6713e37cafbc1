package org.gtlens.chart.layout;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.font.LineMetrics;

/**
 * The fonts of a figure, all derived from one base size, and text measurement that needs no screen. "SansSerif"
 * resolves to DejaVu Sans on Debian (fonts-dejavu-core). Measuring and drawing use the same antialiased, fractional
 * metrics, so layouts computed here match what PNG, SVG and Swing draw.
 */
public final class Fonts {

    public static final FontRenderContext FRC = new FontRenderContext(null, true, true);
    public static final String FAMILY = Font.SANS_SERIF;

    public final Font title;
    public final Font panelTitle;
    public final Font tick;
    public final Font axis;
    public final Font legend;
    public final float base;

    public Fonts(float base) {
        this.base = base;
        Font plain = new Font(FAMILY, Font.PLAIN, 12);
        Font bold = plain.deriveFont(Font.BOLD);
        title = bold.deriveFont(base * 1.3f);
        panelTitle = bold.deriveFont(base * 0.95f);
        tick = plain.deriveFont(base * 0.85f);
        axis = plain.deriveFont(base);
        legend = plain.deriveFont(base * 0.8f);
    }

    /** The plain font at {@code size} (value labels). */
    public static Font plain(float size) {
        return new Font(FAMILY, Font.PLAIN, 12).deriveFont(size);
    }

    public static double width(Font font, String text) {
        return text.isEmpty() ? 0 : font.getStringBounds(text, FRC).getWidth();
    }

    /** Ascent plus descent: the height a line of this font needs. */
    public static double height(Font font) {
        LineMetrics m = font.getLineMetrics("Ag", FRC);
        return m.getAscent() + m.getDescent();
    }

    public static double ascent(Font font) {
        return font.getLineMetrics("Ag", FRC).getAscent();
    }

    public static double descent(Font font) {
        return font.getLineMetrics("Ag", FRC).getDescent();
    }

    public static double maxWidth(Font font, Iterable<String> texts) {
        double max = 0;
        for (String s : texts) {
            max = Math.max(max, width(font, s));
        }
        return max;
    }
}
