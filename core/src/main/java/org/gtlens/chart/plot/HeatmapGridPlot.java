package org.gtlens.chart.plot;

import org.gtlens.chart.layout.PanelBox;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.event.PlotChangeEvent;
import org.jfree.chart.event.PlotChangeListener;
import org.jfree.chart.plot.Pannable;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.PlotState;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.text.TextUtils;
import org.jfree.chart.ui.TextAnchor;
import org.gtlens.chart.color.ColorScale;
import org.gtlens.chart.data.HeatmapGrid;
import org.gtlens.chart.layout.FigureLayout;
import org.gtlens.chart.layout.Fonts;
import org.gtlens.chart.options.ChartOptions;

/**
 * A figure as one JFreeChart plot: a grid of heatmap XYPlots (blocks by heads, or a wrap of blocks) under one title,
 * with shared axis titles and one colour legend or one per panel. JFreeChart has combined plots for a row or a column
 * of plots but not for a grid, so this class places the panels (where {@link FigureLayout} says) and forwards zoom
 * and pan to the panel under the mouse; everything visible is drawn by JFreeChart's plots, axes and legends.
 */
public final class HeatmapGridPlot extends Plot implements org.jfree.chart.plot.Zoomable, Pannable,
        PlotChangeListener {

    private static final long serialVersionUID = 1L;

    private final transient HeatmapGrid grid;
    private final transient ChartOptions options;
    private final transient PanelPlots plots;
    private transient FigureLayout natural;
    private transient FigureLayout last;
    /** The panels in the order of the last draw's subplot infos. */
    private transient List<PanelBox> drawn = List.of();
    private transient boolean drawing;

    public HeatmapGridPlot(HeatmapGrid grid, ChartOptions options) {
        this.grid = grid;
        this.options = options;
        this.natural = FigureLayout.compute(grid, options);
        this.plots = new PanelPlots(natural);
        plots.forEach(p -> p.addChangeListener(this));
        setOutlineVisible(false);
        setBackgroundPaint(Color.WHITE);
        setInsets(org.jfree.chart.ui.RectangleInsets.ZERO_INSETS);
    }

    public HeatmapGrid grid() {
        return grid;
    }

    public ChartOptions options() {
        return options;
    }

    /** The layout at the figure's own size (what PNG and SVG output use). */
    public FigureLayout naturalLayout() {
        return natural;
    }

    /** The layout of the last draw, or the natural one before any draw. */
    public FigureLayout lastLayout() {
        return last == null ? natural : last;
    }

    /** The XYPlot of the panel at a grid position, or null for an empty slot. */
    public XYPlot panelPlot(int gridRow, int gridCol) {
        return plots.get(gridRow, gridCol);
    }

    /** The panel of subplot info {@code index} of the last draw, or null. */
    public PanelBox drawnBox(int index) {
        return index >= 0 && index < drawn.size() ? drawn.get(index) : null;
    }

    @Override
    public String getPlotType() {
        return "Heatmap grid";
    }

    /**
     * The layout for an area: the natural one at the natural size (or with a fixed cell size); cells stretch to fill
     * a larger or smaller area, and text grows with them up to 3x so that a big window stays balanced.
     */
    FigureLayout layoutFor(int w, int h) {
        if (options.cellSize() > 0 || w == natural.width() && h == natural.height() || w <= 0 || h <= 0) {
            return natural;
        }
        if (last != null && last.width() == w && last.height() == h) {
            return last;
        }
        double zoom = Math.min((double) w / natural.width(), (double) h / natural.height());
        float font = (float) Math.min(72, options.fontSize() * Math.max(1, Math.min(3, zoom)));
        return FigureLayout.compute(grid, options.toBuilder().fontSize(font).size(w, h).build());
    }

    @Override
    public void draw(Graphics2D g2, Rectangle2D area, Point2D anchor, PlotState parentState,
            PlotRenderingInfo info) {
        if (info != null) {
            info.setPlotArea(area);
            info.setDataArea(area);
        }
        FigureLayout l = layoutFor((int) Math.round(area.getWidth()), (int) Math.round(area.getHeight()));
        last = l;
        drawing = true;
        try {
            drawBackground(g2, area);
            double ox = area.getX();
            double oy = area.getY();
            Fonts fonts = l.fonts();
            drawTitle(g2, l, fonts, ox, oy);
            List<PanelBox> order = new ArrayList<>();
            for (PanelBox box : l.boxes()) {
                XYPlot plot = plots.get(box.gridRow(), box.gridCol());
                PanelPlots.fit(plot, box, l);
                Rectangle cells = box.cellArea();
                Rectangle2D plotArea = new Rectangle2D.Double(ox + cells.x - box.yTickSpace(), oy + cells.y,
                        cells.width + box.yTickSpace(), cells.height + box.xTickSpace());
                PlotRenderingInfo sub = null;
                if (info != null) {
                    sub = new PlotRenderingInfo(info.getOwner());
                    info.addSubplotInfo(sub);
                    order.add(box);
                }
                plot.draw(g2, plotArea, anchor, null, sub);
                g2.setPaint(PanelPlots.FRAME);
                g2.setStroke(new java.awt.BasicStroke(1f));
                g2.draw(new Rectangle2D.Double(ox + cells.x - 0.5, oy + cells.y - 0.5, cells.width + 1,
                        cells.height + 1));
                if (!box.data().title().isEmpty()) {
                    g2.setFont(fonts.panelTitle);
                    g2.setPaint(PanelPlots.TEXT);
                    TextUtils.drawAlignedString(box.data().title(), g2, (float) (ox + box.titleX()),
                            (float) (oy + box.titleY()), TextAnchor.BASELINE_CENTER);
                }
                if (box.legend() != null) {
                    drawLegend(g2, l, box.legend(), box.scale(), box.legendTicks(), ox, oy);
                }
            }
            drawn = order;
            if (l.sharedLegend() != null) {
                drawLegend(g2, l, l.sharedLegend(), l.sharedScale(), l.sharedLegendTicks(), ox, oy);
            }
            drawAxisTitles(g2, l, fonts, ox, oy);
        } finally {
            drawing = false;
        }
    }

    private static void drawTitle(Graphics2D g2, FigureLayout l, Fonts fonts, double ox, double oy) {
        g2.setFont(fonts.title);
        g2.setPaint(PanelPlots.TEXT);
        double lineH = Fonts.height(fonts.title);
        double y = oy + l.titleTop();
        for (String line : l.titleLines()) {
            TextUtils.drawAlignedString(line, g2, (float) (ox + l.width() / 2.0), (float) y, TextAnchor.TOP_CENTER);
            y += lineH;
        }
    }

    private static void drawLegend(Graphics2D g2, FigureLayout l, Rectangle bar, ColorScale scale,
            List<Double> ticks, double ox, double oy) {
        Rectangle2D area = new Rectangle2D.Double(ox + bar.x, oy + bar.y, l.legendWidth(), bar.height);
        Legends.create(scale, ticks, l).draw(g2, area, null);
    }

    private static void drawAxisTitles(Graphics2D g2, FigureLayout l, Fonts fonts, double ox, double oy) {
        g2.setFont(fonts.axis);
        g2.setPaint(PanelPlots.TEXT);
        String yTitle = l.grid().rowAxisTitle();
        if (!yTitle.isEmpty()) {
            // Rotated by hand rather than by TextUtils, whose TextLayout would reach an SVG as outlines, not text.
            java.awt.geom.AffineTransform saved = g2.getTransform();
            g2.translate(ox + l.yAxisX(), oy + l.yAxisY());
            g2.rotate(-Math.PI / 2);
            TextUtils.drawAlignedString(yTitle, g2, 0f, 0f, TextAnchor.BASELINE_CENTER);
            g2.setTransform(saved);
        }
        String xTitle = l.grid().colAxisTitle();
        if (!xTitle.isEmpty()) {
            TextUtils.drawAlignedString(xTitle, g2, (float) (ox + l.xAxisX()), (float) (oy + l.xAxisY()),
                    TextAnchor.BASELINE_CENTER);
        }
    }

    @Override
    public void plotChanged(PlotChangeEvent event) {
        // A panel zoomed or panned: redraw. Changes made while fitting panels to a layout are not news.
        if (!drawing) {
            fireChangeEvent();
        }
    }

    // ---- zoom and pan: forwarded to the panel under the mouse, or to every panel when none is ----

    private interface PanelAction {
        void apply(XYPlot plot, PlotRenderingInfo info, Rectangle2D dataArea);
    }

    private void forward(PlotRenderingInfo info, Point2D source, PanelAction action) {
        int index = info == null || source == null ? -1 : info.getSubplotIndex(source);
        if (index >= 0 && drawnBox(index) != null) {
            PanelBox box = drawnBox(index);
            PlotRenderingInfo sub = info.getSubplotInfo(index);
            action.apply(plots.get(box.gridRow(), box.gridCol()), sub, sub.getDataArea());
            return;
        }
        for (int i = 0; i < drawn.size() && info != null; i++) {
            PanelBox box = drawn.get(i);
            PlotRenderingInfo sub = info.getSubplotInfo(i);
            action.apply(plots.get(box.gridRow(), box.gridCol()), sub, sub.getDataArea());
        }
    }

    @Override
    public boolean isDomainZoomable() {
        return true;
    }

    @Override
    public boolean isRangeZoomable() {
        return true;
    }

    @Override
    public PlotOrientation getOrientation() {
        return PlotOrientation.VERTICAL;
    }

    @Override
    public void zoomDomainAxes(double factor, PlotRenderingInfo info, Point2D source) {
        zoomDomainAxes(factor, info, source, false);
    }

    @Override
    public void zoomDomainAxes(double factor, PlotRenderingInfo info, Point2D source, boolean useAnchor) {
        forward(info, source, (p, i, a) -> p.zoomDomainAxes(factor, i, source, useAnchor));
    }

    /** Percentages of the whole figure (as ChartPanel measures a drag) become percentages of the panel. */
    @Override
    public void zoomDomainAxes(double lowerPercent, double upperPercent, PlotRenderingInfo info, Point2D source) {
        Rectangle2D whole = info.getDataArea();
        forward(info, source, (p, i, a) -> p.zoomDomainAxes(
                clamp((whole.getMinX() + lowerPercent * whole.getWidth() - a.getMinX()) / a.getWidth()),
                clamp((whole.getMinX() + upperPercent * whole.getWidth() - a.getMinX()) / a.getWidth()), i, source));
    }

    @Override
    public void zoomRangeAxes(double factor, PlotRenderingInfo info, Point2D source) {
        zoomRangeAxes(factor, info, source, false);
    }

    @Override
    public void zoomRangeAxes(double factor, PlotRenderingInfo info, Point2D source, boolean useAnchor) {
        forward(info, source, (p, i, a) -> p.zoomRangeAxes(factor, i, source, useAnchor));
    }

    @Override
    public void zoomRangeAxes(double lowerPercent, double upperPercent, PlotRenderingInfo info, Point2D source) {
        Rectangle2D whole = info.getDataArea();
        forward(info, source, (p, i, a) -> p.zoomRangeAxes(
                clamp((a.getMaxY() - (whole.getMaxY() - lowerPercent * whole.getHeight())) / a.getHeight()),
                clamp((a.getMaxY() - (whole.getMaxY() - upperPercent * whole.getHeight())) / a.getHeight()), i,
                source));
    }

    private static double clamp(double v) {
        return v < 0 ? 0 : v > 1 ? 1 : v;
    }

    @Override
    public boolean isDomainPannable() {
        return true;
    }

    @Override
    public boolean isRangePannable() {
        return true;
    }

    @Override
    public void panDomainAxes(double percent, PlotRenderingInfo info, Point2D source) {
        Rectangle2D whole = info.getDataArea();
        forward(info, source, (p, i, a) -> pan(p.getDomainAxis(), percent * whole.getWidth() / a.getWidth()));
    }

    @Override
    public void panRangeAxes(double percent, PlotRenderingInfo info, Point2D source) {
        Rectangle2D whole = info.getDataArea();
        forward(info, source, (p, i, a) -> pan(p.getRangeAxis(), percent * whole.getHeight() / a.getHeight()));
    }

    private static void pan(ValueAxis axis, double percent) {
        if (axis.isInverted()) {
            percent = -percent;
        }
        axis.pan(percent);
    }
}
