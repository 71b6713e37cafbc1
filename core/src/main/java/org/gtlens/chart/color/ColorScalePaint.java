package org.gtlens.chart.color;

import java.awt.Color;
import java.awt.Paint;

import org.jfree.chart.renderer.PaintScale;
import org.gtlens.chart.options.Palette;

/**
 * A {@link ColorScale} as JFreeChart's PaintScale, so that the cell renderer and the PaintScaleLegend colour by the
 * same lookup table. Colours are made once per ramp entry; NaN (a missing or masked cell) is light grey.
 */
public final class ColorScalePaint implements PaintScale {

    private static final Color MISSING = new Color(ColorScale.MISSING_RGB);

    private final ColorScale scale;
    private final Color[] colours = new Color[Palette.SIZE];

    public ColorScalePaint(ColorScale scale) {
        this.scale = scale;
        for (int i = 0; i < Palette.SIZE; i++) {
            colours[i] = new Color(scale.palette().entry(i));
        }
    }

    public ColorScale scale() {
        return scale;
    }

    @Override
    public double getLowerBound() {
        return scale.lo();
    }

    @Override
    public double getUpperBound() {
        return scale.hi();
    }

    @Override
    public Paint getPaint(double value) {
        if (Double.isNaN(value)) {
            return MISSING;
        }
        return colours[Palette.index(scale.position(value))];
    }

    /** 0xRRGGBB of a value, for image drawing. */
    public int rgb(double value) {
        return scale.rgb(value);
    }
}
