package org.gtlens.chart.swing;

import org.gtlens.chart.layout.PanelBox;
import java.awt.Dimension;
import java.awt.Point;
import java.awt.event.MouseEvent;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;

import org.jfree.chart.ChartPanel;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleEdge;
import org.gtlens.chart.data.HeatmapGrid;
import org.gtlens.chart.data.HeatmapPanelData;
import org.gtlens.chart.layout.FigureLayout;
import org.gtlens.chart.options.ChartOptions;
import org.gtlens.chart.output.HeatmapRenderer;
import org.gtlens.chart.plot.HeatmapGridPlot;

/**
 * An interactive heatmap figure for Swing: JFreeChart's ChartPanel over the same chart as the PNG and SVG output, so
 * it has ChartPanel's drag-to-zoom (per panel), mouse-wheel zoom, pan (Ctrl + drag) and context menu (copy, save as
 * PNG or SVG, print, zoom, auto range), refitted to the component's size, with a tooltip naming the panel, the row,
 * the column and the exact value under the mouse. It has no frame, so it sits in a window or a KNIME view alike.
 */
public class HeatmapPanel extends ChartPanel {

    private static final long serialVersionUID = 1L;

    /** An empty panel; call {@link #setGrid}. */
    public HeatmapPanel() {
        super(null, 680, 420, 1, 1, 100_000, 100_000, true, true, true, true, true, true, true);
        setMouseWheelEnabled(true);
        setDisplayToolTips(true);
        setInitialDelay(150);
        setDismissDelay(60_000);
        // Tooltips are found from the axes, so no entity per cell is collected (a 256 x 256 head has 65536).
        getChartRenderingInfo().setEntityCollection(null);
    }

    public HeatmapPanel(HeatmapGrid grid, ChartOptions options) {
        this();
        setGrid(grid, options);
    }

    /** Shows another figure (or the same with other options), or nothing; call on the event dispatch thread. */
    public void setGrid(HeatmapGrid grid, ChartOptions options) {
        setChart(grid == null ? null : HeatmapRenderer.chart(grid, options == null ? ChartOptions.defaults()
                : options));
        revalidate();
        repaint();
    }

    /** The figure's plot, or null without a figure. */
    public HeatmapGridPlot plot() {
        JFreeChart c = getChart();
        return c == null ? null : (HeatmapGridPlot) c.getPlot();
    }

    public HeatmapGrid grid() {
        HeatmapGridPlot p = plot();
        return p == null ? null : p.grid();
    }

    public ChartOptions options() {
        HeatmapGridPlot p = plot();
        return p == null ? ChartOptions.defaults() : p.options();
    }

    @Override
    public Dimension getPreferredSize() {
        HeatmapGridPlot p = plot();
        if (isPreferredSizeSet() || p == null) {
            return super.getPreferredSize();
        }
        return new Dimension(p.naturalLayout().width(), p.naturalLayout().height());
    }

    /**
     * Saves the whole figure at its own size (as the command line writes it), as PNG or SVG by the file's extension;
     * the context menu's "Save as" does the same through a file chooser.
     *
     * @throws java.io.IOException naming the file when it cannot be written or its extension is neither
     */
    public void save(java.nio.file.Path file) throws java.io.IOException {
        HeatmapGridPlot p = plot();
        if (p == null) {
            throw new java.io.IOException("there is no figure to save");
        }
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (name.endsWith(".png")) {
            HeatmapRenderer.writePng(p.grid(), p.options(), file);
        } else if (name.endsWith(".svg")) {
            HeatmapRenderer.writeSvg(p.grid(), p.options(), file);
        } else {
            throw new java.io.IOException(file + ": the figure is saved as .png or .svg");
        }
    }

    /** The layout of the last paint (the natural one before it), null without a figure. */
    public FigureLayout currentLayout() {
        HeatmapGridPlot p = plot();
        return p == null ? null : p.lastLayout();
    }

    /** The cell under a point of the component, or null. */
    public Cell cellAt(Point point) {
        HeatmapGridPlot p = plot();
        if (p == null) {
            return null;
        }
        Point2D j = translateScreenToJava2D(point);
        PlotRenderingInfo info = getChartRenderingInfo().getPlotInfo();
        int index = info.getSubplotIndex(j);
        PanelBox box = p.drawnBox(index);
        if (box == null) {
            return null;
        }
        XYPlot panel = p.panelPlot(box.gridRow(), box.gridCol());
        Rectangle2D area = info.getSubplotInfo(index).getDataArea();
        int col = (int) Math.round(panel.getDomainAxis().java2DToValue(j.getX(), area, RectangleEdge.BOTTOM));
        int row = (int) Math.round(panel.getRangeAxis().java2DToValue(j.getY(), area, RectangleEdge.LEFT));
        HeatmapPanelData d = box.data();
        if (row < 0 || col < 0 || row >= d.rows() || col >= d.cols()) {
            return null;
        }
        return new Cell(d, box.gridRow(), box.gridCol(), row, col);
    }

    /** A cell of a figure: its panel, where the panel is in the grid, and the matrix row and column. */
    public record Cell(HeatmapPanelData panel, int gridRow, int gridCol, int row, int col) {

        public float value() {
            return panel.value(row, col);
        }
    }

    @Override
    public String getToolTipText(MouseEvent event) {
        Cell cell = cellAt(event.getPoint());
        return cell == null ? null : tooltip(grid(), cell);
    }

    /** The tooltip of a cell: panel title, row and column labels with their axis names, and the exact value. */
    static String tooltip(HeatmapGrid grid, Cell cell) {
        HeatmapPanelData d = cell.panel();
        String rowAxis = grid.rowAxisTitle().isEmpty() ? "Row" : grid.rowAxisTitle();
        String colAxis = grid.colAxisTitle().isEmpty() ? "Column" : grid.colAxisTitle();
        StringBuilder b = new StringBuilder("<html>");
        if (!d.title().isEmpty()) {
            b.append("<b>").append(escape(d.title())).append("</b><br>");
        }
        b.append(escape(rowAxis)).append(": ").append(escape(d.rowLabels().get(cell.row()))).append("<br>");
        b.append(escape(colAxis)).append(": ").append(escape(d.colLabels().get(cell.col()))).append("<br>");
        b.append("value: <b>").append(Float.isNaN(cell.value()) ? "no value" : Float.toString(cell.value()))
                .append("</b></html>");
        return b.toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
