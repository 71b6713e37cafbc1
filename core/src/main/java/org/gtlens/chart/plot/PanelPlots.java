package org.gtlens.chart.plot;

import org.gtlens.chart.layout.PanelBox;
import java.awt.Color;
import java.util.List;
import java.util.function.Consumer;

import org.jfree.chart.axis.AxisSpace;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleInsets;
import org.gtlens.chart.color.ColorMapping;
import org.gtlens.chart.color.ColorScale;
import org.gtlens.chart.color.ColorScalePaint;
import org.gtlens.chart.data.HeatmapGrid;
import org.gtlens.chart.data.HeatmapPanelData;
import org.gtlens.chart.layout.FigureLayout;
import org.gtlens.chart.layout.Fonts;
import org.gtlens.chart.layout.TickLabels;
import org.gtlens.chart.options.ChartOptions;

/**
 * One JFreeChart XYPlot per panel of a figure: the cells (a {@link CellRenderer} over a {@link PanelDataset}), a
 * SymbolAxis of row labels (row 0 on top unless flipped) and one of column labels. Made once per figure so that a
 * panel keeps its zoom when the window is resized; {@link #fit} adapts a plot to the place a layout gives it.
 */
final class PanelPlots {

    static final Color TEXT = new Color(0x222222);
    static final Color SOFT_TEXT = new Color(0x444444);
    static final Color FRAME = new Color(0x9a9a9a);

    private final XYPlot[][] plots;

    PanelPlots(FigureLayout natural) {
        HeatmapGrid grid = natural.grid();
        ChartOptions options = natural.options();
        ColorMapping mapping = natural.mapping();
        plots = new XYPlot[grid.gridRows()][grid.gridCols()];
        for (int r = 0; r < grid.gridRows(); r++) {
            for (int c = 0; c < grid.gridCols(); c++) {
                HeatmapPanelData d = grid.panel(r, c);
                if (d != null) {
                    plots[r][c] = create(d, mapping.scale(r, c), mapping, options, natural);
                }
            }
        }
    }

    XYPlot get(int gridRow, int gridCol) {
        return plots[gridRow][gridCol];
    }

    void forEach(Consumer<XYPlot> action) {
        for (XYPlot[] row : plots) {
            for (XYPlot p : row) {
                if (p != null) {
                    action.accept(p);
                }
            }
        }
    }

    private static XYPlot create(HeatmapPanelData d, ColorScale scale, ColorMapping mapping, ChartOptions options,
            FigureLayout natural) {
        ValueAxis x = axis(d.colLabels(), false);
        ValueAxis y = axis(d.rowLabels(), !options.flipRows());
        CellRenderer renderer = new CellRenderer(new ColorScalePaint(scale), options.valueLabels(),
                natural.valueFont() != null ? natural.valueFont() : Fonts.plain(natural.fonts().base * 0.9f),
                mapping.decimals());
        XYPlot plot = new XYPlot(new PanelDataset(d, mapping.colourValues(d)), x, y, renderer);
        plot.setInsets(RectangleInsets.ZERO_INSETS);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        plot.setBackgroundPaint(Color.WHITE);
        // The grid plot frames the cells from outside; XYPlot's outline would cover their first pixel row.
        plot.setOutlineVisible(false);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        plot.setDomainPannable(true);
        plot.setRangePannable(true);
        return plot;
    }

    private static ValueAxis axis(List<String> labels, boolean inverted) {
        NumberAxis axis;
        if (labels.size() <= TickLabels.MAX_SYMBOLS) {
            SymbolAxis s = new SymbolAxis(null, TickLabels.of(labels).toArray(new String[0]));
            s.setGridBandsVisible(false);
            axis = s;
        } else {
            axis = new NumberAxis(null);
            axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
            axis.setAutoRangeIncludesZero(false);
        }
        axis.setLowerMargin(0);
        axis.setUpperMargin(0);
        axis.setRange(-0.5, labels.size() - 0.5);
        axis.setInverted(inverted);
        axis.setAxisLineVisible(false);
        axis.setTickMarksVisible(false);
        axis.setTickLabelPaint(SOFT_TEXT);
        axis.setTickLabelInsets(new RectangleInsets(FigureLayout.TICK_GAP, 2, 2, FigureLayout.TICK_GAP + 1));
        return axis;
    }

    /** Puts a panel's plot where a layout says: label space, which labels show, their font and direction. */
    static void fit(XYPlot plot, PanelBox box, FigureLayout layout) {
        Fonts fonts = layout.fonts();
        AxisSpace left = new AxisSpace();
        left.setLeft(box.yTickSpace());
        AxisSpace bottom = new AxisSpace();
        bottom.setBottom(box.xTickSpace());
        plot.setFixedRangeAxisSpace(left, false);
        plot.setFixedDomainAxisSpace(bottom, false);
        ValueAxis x = plot.getDomainAxis();
        ValueAxis y = plot.getRangeAxis();
        x.setTickLabelsVisible(box.xTicks());
        y.setTickLabelsVisible(box.yTicks());
        x.setVerticalTickLabels(box.xRotated());
        if (!fonts.tick.equals(x.getTickLabelFont())) {
            x.setTickLabelFont(fonts.tick);
            y.setTickLabelFont(fonts.tick);
        }
        CellRenderer r = (CellRenderer) plot.getRenderer();
        r.setLabelFont(layout.valueFont() != null ? layout.valueFont() : Fonts.plain(fonts.base * 0.9f));
    }
}
