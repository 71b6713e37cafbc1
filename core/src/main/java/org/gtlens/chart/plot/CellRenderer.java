package org.gtlens.chart.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;

import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CrosshairState;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYItemRendererState;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.data.xy.XYDataset;
import org.gtlens.chart.color.ColorScalePaint;
import org.gtlens.chart.color.Contrast;
import org.gtlens.chart.color.ValueFormat;
import org.gtlens.chart.data.HeatmapPanelData;
import org.gtlens.chart.options.ChartOptions;

/**
 * XYBlockRenderer with the two things a heatmap of a transformer needs and JFreeChart lacks: the value written in
 * each cell in black or white, whichever reads better on it (only where it fits, so zooming in reveals the numbers),
 * and whole panels drawn as one image when they have many cells or cells of a few pixels, which keeps a 256 x 256
 * head fast and an SVG of a big grid small.
 */
final class CellRenderer extends XYBlockRenderer {

    private static final long serialVersionUID = 1L;

    /** Above this many cells a panel is drawn as one image. */
    static final int IMAGE_THRESHOLD = 4096;
    /** Below this many square pixels per cell a panel is drawn as one image. */
    static final int TINY_CELL_AREA = 36;

    private final transient ColorScalePaint paint;
    private final ChartOptions.LabelMode labels;
    private transient Font labelFont;
    private final int decimals;
    private transient BufferedImage image;
    /** Set by {@link #initialise} for the drawing under way. */
    private transient boolean asImage;
    private transient Font cellFont;
    private static final Color DARK = new Color(Contrast.DARK_TEXT);
    private static final Color LIGHT = new Color(Contrast.LIGHT_TEXT);

    /**
     * @param paint     the colours
     * @param labels    whether to write values into cells
     * @param labelFont the font of values (ON mode shrinks nothing below it)
     * @param decimals  decimals of the values
     */
    CellRenderer(ColorScalePaint paint, ChartOptions.LabelMode labels, Font labelFont, int decimals) {
        this.paint = paint;
        this.labels = labels;
        this.labelFont = labelFont;
        this.decimals = decimals;
        setPaintScale(paint);
        setBlockAnchor(RectangleAnchor.CENTER);
        setBlockWidth(1);
        setBlockHeight(1);
    }

    /** The font of values at the current size of the figure. */
    void setLabelFont(Font font) {
        this.labelFont = font;
    }

    /**
     * Once per drawing of the panel: the cell size at the current zoom, whether the panel goes as one image, and the
     * font its values are written in (the same for every cell).
     */
    @Override
    public XYItemRendererState initialise(Graphics2D g2, Rectangle2D dataArea, XYPlot plot, XYDataset dataset,
            PlotRenderingInfo info) {
        HeatmapPanelData panel = ((PanelDataset) dataset).panel();
        ValueAxis domainAxis = plot.getDomainAxis();
        ValueAxis rangeAxis = plot.getRangeAxis();
        double cellW = Math.abs(domainAxis.valueToJava2D(1, dataArea, plot.getDomainAxisEdge())
                - domainAxis.valueToJava2D(0, dataArea, plot.getDomainAxisEdge()));
        double cellH = Math.abs(rangeAxis.valueToJava2D(1, dataArea, plot.getRangeAxisEdge())
                - rangeAxis.valueToJava2D(0, dataArea, plot.getRangeAxisEdge()));
        long cells = (long) panel.rows() * panel.cols();
        asImage = cells > IMAGE_THRESHOLD || cellW * cellH < TINY_CELL_AREA && cells > 64;
        cellFont = fittingFont(g2, cellW, cellH);
        return super.initialise(g2, dataArea, plot, dataset, info);
    }

    @Override
    public void drawItem(Graphics2D g2, XYItemRendererState state, Rectangle2D dataArea, PlotRenderingInfo info,
            XYPlot plot, ValueAxis domainAxis, ValueAxis rangeAxis, XYDataset dataset, int series, int item,
            CrosshairState crosshairState, int pass) {
        PanelDataset data = (PanelDataset) dataset;
        HeatmapPanelData panel = data.panel();
        if (asImage) {
            if (item == 0) {
                drawImage(g2, dataArea, plot, domainAxis, rangeAxis, data);
                drawVisibleLabels(g2, dataArea, plot, domainAxis, rangeAxis, data);
            }
            return;
        }
        int row = item / panel.cols();
        int col = item % panel.cols();
        // Cells on whole pixels, edge to edge: no seams between cells and no outline bleeding into a neighbour.
        double x0 = domainAxis.valueToJava2D(col - 0.5, dataArea, plot.getDomainAxisEdge());
        double x1 = domainAxis.valueToJava2D(col + 0.5, dataArea, plot.getDomainAxisEdge());
        double y0 = rangeAxis.valueToJava2D(row - 0.5, dataArea, plot.getRangeAxisEdge());
        double y1 = rangeAxis.valueToJava2D(row + 0.5, dataArea, plot.getRangeAxisEdge());
        int left = (int) Math.round(Math.min(x0, x1));
        int top = (int) Math.round(Math.min(y0, y1));
        g2.setPaint(paint.getPaint(data.colourValue(row, col)));
        g2.fillRect(left, top, (int) Math.round(Math.max(x0, x1)) - left, (int) Math.round(Math.max(y0, y1)) - top);
        if (cellFont != null) {
            drawLabel(g2, cellFont, dataArea, plot, domainAxis, rangeAxis, data, row, col);
        }
    }

    /** The font values are written in at this cell size, or null when they are not written. */
    private Font fittingFont(Graphics2D g2, double cellW, double cellH) {
        if (labels == ChartOptions.LabelMode.OFF || labelFont == null) {
            return null;
        }
        FontMetrics fm = g2.getFontMetrics(labelFont);
        String widest = ValueFormat.format(-Math.abs(paint.scale().hi()), decimals);
        double w = Math.max(fm.getStringBounds(widest, g2).getWidth(),
                fm.getStringBounds(ValueFormat.format(paint.scale().lo(), decimals), g2).getWidth());
        return w + 4 <= cellW && fm.getAscent() + fm.getDescent() + 2 <= cellH ? labelFont : null;
    }

    private void drawImage(Graphics2D g2, Rectangle2D dataArea, XYPlot plot, ValueAxis domainAxis,
            ValueAxis rangeAxis, PanelDataset data) {
        HeatmapPanelData panel = data.panel();
        int rows = panel.rows();
        int cols = panel.cols();
        if (image == null) {
            BufferedImage img = new BufferedImage(Math.max(1, cols), Math.max(1, rows), BufferedImage.TYPE_INT_RGB);
            int[] px = new int[rows * cols];
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    px[r * cols + c] = paint.rgb(data.colourValue(r, c));
                }
            }
            img.setRGB(0, 0, cols, rows, px, 0, cols);
            image = img;
        }
        double x0 = domainAxis.valueToJava2D(-0.5, dataArea, plot.getDomainAxisEdge());
        double x1 = domainAxis.valueToJava2D(cols - 0.5, dataArea, plot.getDomainAxisEdge());
        double y0 = rangeAxis.valueToJava2D(-0.5, dataArea, plot.getRangeAxisEdge());
        double y1 = rangeAxis.valueToJava2D(rows - 0.5, dataArea, plot.getRangeAxisEdge());
        Object old = g2.getRenderingHint(RenderingHints.KEY_INTERPOLATION);
        g2.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        // Destination corners in drawing order: a range axis that is not inverted (row 0 at the bottom) flips it.
        g2.drawImage(image, (int) Math.round(x0), (int) Math.round(y0), (int) Math.round(x1), (int) Math.round(y1),
                0, 0, cols, rows, null);
        if (old != null) {
            g2.setRenderingHint(RenderingHints.KEY_INTERPOLATION, old);
        }
    }

    private void drawVisibleLabels(Graphics2D g2, Rectangle2D dataArea, XYPlot plot, ValueAxis domainAxis,
            ValueAxis rangeAxis, PanelDataset data) {
        Font font = cellFont;
        if (font == null) {
            return;
        }
        HeatmapPanelData panel = data.panel();
        int c0 = Math.max(0, (int) Math.floor(domainAxis.getLowerBound()));
        int c1 = Math.min(panel.cols() - 1, (int) Math.ceil(domainAxis.getUpperBound()));
        int r0 = Math.max(0, (int) Math.floor(rangeAxis.getLowerBound()));
        int r1 = Math.min(panel.rows() - 1, (int) Math.ceil(rangeAxis.getUpperBound()));
        if ((long) (c1 - c0 + 1) * (r1 - r0 + 1) > 20_000) {
            return;
        }
        for (int r = r0; r <= r1; r++) {
            for (int c = c0; c <= c1; c++) {
                drawLabel(g2, font, dataArea, plot, domainAxis, rangeAxis, data, r, c);
            }
        }
    }

    private void drawLabel(Graphics2D g2, Font font, Rectangle2D dataArea, XYPlot plot, ValueAxis domainAxis,
            ValueAxis rangeAxis, PanelDataset data, int row, int col) {
        float v = data.panel().value(row, col);
        if (Float.isNaN(v)) {
            return;
        }
        String text = ValueFormat.format(v, decimals);
        double cx = domainAxis.valueToJava2D(col, dataArea, plot.getDomainAxisEdge());
        double cy = rangeAxis.valueToJava2D(row, dataArea, plot.getRangeAxisEdge());
        g2.setFont(font);
        FontMetrics fm = g2.getFontMetrics(font);
        int background = paint.rgb(data.colourValue(row, col));
        g2.setColor(Contrast.textOn(background) == Contrast.DARK_TEXT ? DARK : LIGHT);
        double w = fm.getStringBounds(text, g2).getWidth();
        g2.drawString(text, (float) (cx - w / 2), (float) (cy + (fm.getAscent() - fm.getDescent()) / 2.0));
    }
}
