package org.gtlens.chart;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.LinearGradientPaint;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Draws a laid-out figure on any Graphics2D (a PNG image, an SVG document, a Swing component), so that all three
 * look the same. Cells are plain rectangles; value labels are black or white, whichever contrasts more with their
 * cell.
 */
public final class HeatmapPainter {

    static final Color TEXT = new Color(0x222222);
    static final Color SOFT_TEXT = new Color(0x444444);
    static final Color FRAME = new Color(0x9a9a9a);
    /**
     * Above this many cells in a panel, or with cells of a few pixels, cells are drawn as one scaled image: fast, and
     * an SVG of a big grid holds one image per panel instead of thousands of rectangles.
     */
    static final int IMAGE_THRESHOLD = 4096;
    static final int TINY_CELL_AREA = 36;

    private HeatmapPainter() {
    }

    /** Paints the whole figure with its top-left corner at the origin of {@code g}, in logical pixels. */
    public static void paint(Graphics2D g, FigureLayout layout) {
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, layout.width(), layout.height());
        Fonts fonts = layout.fonts();
        paintTitle(g, layout, fonts);
        for (FigureLayout.PanelBox box : layout.boxes()) {
            paintPanel(g, layout, fonts, box);
        }
        if (layout.sharedLegend() != null) {
            paintLegend(g, fonts, layout.sharedLegend(), layout.sharedScale(), layout.sharedLegendTicks());
        }
        paintAxisTitles(g, layout, fonts);
    }

    private static void paintTitle(Graphics2D g, FigureLayout layout, Fonts fonts) {
        List<String> lines = layout.titleLines();
        if (lines.isEmpty()) {
            return;
        }
        g.setFont(fonts.title);
        g.setColor(TEXT);
        double lineH = Fonts.height(fonts.title);
        double y = layout.titleTop() + Fonts.ascent(fonts.title);
        for (String line : lines) {
            double w = Fonts.width(fonts.title, line);
            g.drawString(line, (float) ((layout.width() - w) / 2), (float) y);
            y += lineH;
        }
    }

    private static void paintPanel(Graphics2D g, FigureLayout layout, Fonts fonts, FigureLayout.PanelBox box) {
        HeatmapPanelData d = box.data();
        ColorScale scale = box.scale();
        Rectangle area = box.cellArea();
        // Panel title.
        if (!d.title().isEmpty()) {
            g.setFont(fonts.panelTitle);
            g.setColor(TEXT);
            double w = Fonts.width(fonts.panelTitle, d.title());
            g.drawString(d.title(), (float) (box.titleX() - w / 2), box.titleY());
        }
        // Cells.
        int rows = d.rows();
        int cols = d.cols();
        if ((long) rows * cols > IMAGE_THRESHOLD || box.cellW() * box.cellH() < TINY_CELL_AREA && rows * cols > 64) {
            BufferedImage img = new BufferedImage(Math.max(1, cols), Math.max(1, rows), BufferedImage.TYPE_INT_RGB);
            int[] px = new int[rows * cols];
            for (int r = 0; r < rows; r++) {
                int drawRow = box.flipRows() ? rows - 1 - r : r;
                for (int c = 0; c < cols; c++) {
                    px[drawRow * cols + c] = scale.rgb(d.value(r, c));
                }
            }
            img.setRGB(0, 0, cols, rows, px, 0, cols);
            Object old = g.getRenderingHint(RenderingHints.KEY_INTERPOLATION);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
            g.drawImage(img, area.x, area.y, area.width, area.height, null);
            if (old != null) {
                g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, old);
            }
        } else {
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    Rectangle cell = box.cell(r, c);
                    g.setColor(new Color(scale.rgb(d.value(r, c))));
                    g.fillRect(cell.x, cell.y, cell.width, cell.height);
                }
            }
        }
        // Value labels, in the colour that reads best on each cell.
        Font valueFont = layout.valueFont();
        if (valueFont != null) {
            g.setFont(valueFont);
            FontMetrics fm = g.getFontMetrics(valueFont);
            double ascent = Fonts.ascent(valueFont);
            double descent = Fonts.descent(valueFont);
            Color dark = new Color(Contrast.DARK_TEXT);
            Color light = new Color(Contrast.LIGHT_TEXT);
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    float v = d.value(r, c);
                    Rectangle cell = box.cell(r, c);
                    String label = layout.valueLabel(v);
                    g.setColor(Contrast.textOn(scale.rgb(v)) == Contrast.DARK_TEXT ? dark : light);
                    double w = fm.getStringBounds(label, g).getWidth();
                    g.drawString(label, (float) (cell.x + (cell.width - w) / 2),
                            (float) (cell.y + (cell.height + ascent - descent) / 2));
                }
            }
        }
        // Frame.
        g.setColor(FRAME);
        g.drawRect(area.x - 1, area.y - 1, area.width + 1, area.height + 1);
        // Row labels.
        g.setFont(fonts.tick);
        g.setColor(SOFT_TEXT);
        double tickAscent = Fonts.ascent(fonts.tick);
        double tickDescent = Fonts.descent(fonts.tick);
        if (box.yTicks()) {
            for (int r = 0; r < rows; r += box.yTickStep()) {
                Rectangle cell = box.cell(r, 0);
                String s = d.rowLabels().get(r);
                double w = Fonts.width(fonts.tick, s);
                g.drawString(s, (float) (area.x - FigureLayout.TICK_GAP - 1 - w),
                        (float) (cell.y + (cell.height + tickAscent - tickDescent) / 2));
            }
        }
        // Column labels.
        if (box.xTicks()) {
            float top = area.y + area.height + FigureLayout.TICK_GAP;
            for (int c = 0; c < cols; c += box.xTickStep()) {
                Rectangle cell = box.cell(0, c);
                String s = d.colLabels().get(c);
                double w = Fonts.width(fonts.tick, s);
                if (box.xRotated()) {
                    AffineTransform saved = g.getTransform();
                    g.translate(cell.x + (cell.width + tickAscent - tickDescent) / 2, top);
                    g.rotate(-Math.PI / 2);
                    g.drawString(s, (float) -w, 0f);
                    g.setTransform(saved);
                } else {
                    g.drawString(s, (float) (cell.x + (cell.width - w) / 2), (float) (top + tickAscent));
                }
            }
        }
        if (box.legend() != null) {
            paintLegend(g, fonts, box.legend(), scale, box.legendTicks());
        }
    }

    /** A vertical colour bar, high values on top, with round tick values at its right. */
    private static void paintLegend(Graphics2D g, Fonts fonts, Rectangle bar, ColorScale scale, List<Double> ticks) {
        int n = 16;
        float[] fractions = new float[n + 1];
        Color[] colors = new Color[n + 1];
        for (int i = 0; i <= n; i++) {
            fractions[i] = i / (float) n;
            colors[i] = new Color(scale.palette().rgb(1.0 - i / (double) n));
        }
        g.setPaint(new LinearGradientPaint(bar.x, bar.y, bar.x, bar.y + bar.height, fractions, colors));
        g.fillRect(bar.x, bar.y, bar.width, bar.height);
        g.setColor(FRAME);
        g.drawRect(bar.x, bar.y, bar.width, bar.height);
        g.setFont(fonts.legend);
        g.setColor(SOFT_TEXT);
        int decimals = NiceTicks.decimals(ticks.size() > 1 ? ticks.get(1) - ticks.get(0) : scale.hi() - scale.lo());
        double ascent = Fonts.ascent(fonts.legend);
        double descent = Fonts.descent(fonts.legend);
        for (double t : ticks) {
            double y = bar.y + bar.height - scale.position(t) * bar.height;
            int yi = (int) Math.round(y);
            g.drawLine(bar.x + bar.width, yi, bar.x + bar.width + FigureLayout.TICK_LEN, yi);
            g.drawString(ValueFormat.format(t, decimals), (float) (bar.x + bar.width + FigureLayout.TICK_LEN + 2),
                    (float) (y + (ascent - descent) / 2));
        }
    }

    private static void paintAxisTitles(Graphics2D g, FigureLayout layout, Fonts fonts) {
        g.setFont(fonts.axis);
        g.setColor(TEXT);
        String yTitle = layout.grid().rowAxisTitle();
        if (!yTitle.isEmpty()) {
            double w = Fonts.width(fonts.axis, yTitle);
            AffineTransform saved = g.getTransform();
            g.translate(layout.yAxisX(), layout.yAxisY());
            g.rotate(-Math.PI / 2);
            g.drawString(yTitle, (float) (-w / 2), 0f);
            g.setTransform(saved);
        }
        String xTitle = layout.grid().colAxisTitle();
        if (!xTitle.isEmpty()) {
            double w = Fonts.width(fonts.axis, xTitle);
            g.drawString(xTitle, (float) (layout.xAxisX() - w / 2), layout.xAxisY());
        }
    }
}
