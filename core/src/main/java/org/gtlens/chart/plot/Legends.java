package org.gtlens.chart.plot;

import java.awt.Paint;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;

import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.TickUnits;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.gtlens.chart.color.ColorScale;
import org.gtlens.chart.color.ColorScalePaint;
import org.gtlens.chart.color.NiceTicks;
import org.gtlens.chart.color.ValueFormat;
import org.gtlens.chart.layout.FigureLayout;
import org.gtlens.chart.layout.Fonts;
import org.gtlens.chart.options.Palette;

/**
 * The colour bar of a figure or panel: a JFreeChart PaintScaleLegend beside its cells, high values on top, titled
 * with the scale when it is not linear. A logarithmic bar runs in powers of ten (PaintScaleLegend steps linearly
 * along its axis, so the axis counts decades and its labels print 10^x).
 */
final class Legends {

    private Legends() {
    }

    static PaintScaleLegend create(ColorScale scale, java.util.List<Double> ticks, FigureLayout layout) {
        Fonts fonts = layout.fonts();
        ColorScalePaint paint = new ColorScalePaint(scale);
        NumberAxis axis = new NumberAxis(layout.mapping().legendLabel().isEmpty() ? null
                : layout.mapping().legendLabel());
        PaintScale strip = paint;
        if (scale.log()) {
            double lo = Math.log10(scale.lo());
            double hi = Math.log10(scale.hi());
            axis.setRange(lo, hi);
            TickUnits units = new TickUnits();
            NumberFormat format = new PowerOfTen();
            for (int step : new int[] {1, 2, 3, 5, 10}) {
                units.add(new NumberTickUnit(step, format));
            }
            axis.setStandardTickUnits(units);
            strip = new PaintScale() {
                @Override
                public double getLowerBound() {
                    return lo;
                }

                @Override
                public double getUpperBound() {
                    return hi;
                }

                @Override
                public Paint getPaint(double value) {
                    return paint.getPaint(Math.pow(10, value));
                }
            };
        } else {
            axis.setRange(scale.lo(), scale.hi());
            // The layout's round ticks (spaced for the bar's height), so the labels are the ones it made room for.
            if (ticks.size() > 1) {
                double step = ticks.get(1) - ticks.get(0);
                int decimals = NiceTicks.decimals(step);
                axis.setTickUnit(new NumberTickUnit(step, new java.text.DecimalFormat(decimals == 0 ? "0"
                        : "0." + "0".repeat(decimals), java.text.DecimalFormatSymbols.getInstance(
                                java.util.Locale.ROOT))));
            }
        }
        axis.setAutoRangeIncludesZero(false);
        axis.setTickLabelFont(fonts.legend);
        axis.setLabelFont(fonts.legend);
        axis.setTickLabelPaint(PanelPlots.SOFT_TEXT);
        axis.setLabelPaint(PanelPlots.SOFT_TEXT);
        axis.setAxisLineVisible(false);
        axis.setTickMarkOutsideLength(FigureLayout.TICK_LEN);
        axis.setTickLabelInsets(new RectangleInsets(0, 2, 0, 2));
        axis.setLabelInsets(new RectangleInsets(0, 2, 0, 2));
        PaintScaleLegend legend = new PaintScaleLegend(strip, axis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
        legend.setStripWidth(FigureLayout.LEGEND_BAR);
        legend.setAxisOffset(0);
        legend.setMargin(RectangleInsets.ZERO_INSETS);
        legend.setPadding(RectangleInsets.ZERO_INSETS);
        legend.setSubdivisionCount(Palette.SIZE);
        legend.setStripOutlineVisible(true);
        legend.setStripOutlinePaint(PanelPlots.FRAME);
        legend.setBackgroundPaint(null);
        return legend;
    }

    /** Prints a decade x as 10^x ("0.01", "1e-6"). */
    private static final class PowerOfTen extends NumberFormat {
        private static final long serialVersionUID = 1L;

        @Override
        public StringBuffer format(double number, StringBuffer toAppendTo, FieldPosition pos) {
            return toAppendTo.append(ValueFormat.power(number));
        }

        @Override
        public StringBuffer format(long number, StringBuffer toAppendTo, FieldPosition pos) {
            return toAppendTo.append(ValueFormat.power(number));
        }

        @Override
        public Number parse(String source, ParsePosition parsePosition) {
            return null;
        }
    }
}
