package org.gtlens.chart.output;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGHints;
import org.jfree.svg.ViewBox;
import org.gtlens.chart.data.HeatmapGrid;
import org.gtlens.chart.layout.FigureLayout;
import org.gtlens.chart.options.ChartOptions;
import org.gtlens.chart.plot.HeatmapGridPlot;

/**
 * Turns a figure into a raster image, PNG bytes or an SVG document, without a display (works with
 * {@code java.awt.headless=true}). Stateless and safe to call from several threads.
 */
public final class HeatmapRenderer {

    private HeatmapRenderer() {
    }

    /**
     * The figure as a JFreeChart chart: one {@link HeatmapGridPlot}, no chart title or legend of its own (the plot
     * draws them where its layout says), white, antialiased text on crisp cells.
     */
    public static JFreeChart chart(HeatmapGrid grid, ChartOptions options) {
        JFreeChart chart = new JFreeChart(null, null, new HeatmapGridPlot(grid, options), false);
        chart.setBackgroundPaint(java.awt.Color.WHITE);
        chart.setPadding(RectangleInsets.ZERO_INSETS);
        chart.setBorderVisible(false);
        chart.setAntiAlias(false);
        chart.setTextAntiAlias(true);
        chart.getRenderingHints().put(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        return chart;
    }

    /** The figure as an RGB image of {@code layout size x scale factor} pixels. */
    public static BufferedImage toImage(HeatmapGrid grid, ChartOptions options) {
        return toImage(chart(grid, options));
    }

    /** A chart made by {@link #chart} as an image at its figure's own size times the scale factor. */
    public static BufferedImage toImage(JFreeChart chart) {
        HeatmapGridPlot plot = (HeatmapGridPlot) chart.getPlot();
        FigureLayout layout = plot.naturalLayout();
        double s = plot.options().zoom();
        int w = (int) Math.ceil(layout.width() * s);
        int h = (int) Math.ceil(layout.height() * s);
        BufferedImage image = new BufferedImage(Math.max(1, w), Math.max(1, h), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            if (s != 1.0) {
                g.scale(s, s);
            }
            chart.draw(g, new Rectangle2D.Double(0, 0, layout.width(), layout.height()));
        } finally {
            g.dispose();
        }
        return image;
    }

    /** The figure as PNG bytes. */
    public static byte[] toPng(HeatmapGrid grid, ChartOptions options) {
        return png(toImage(grid, options));
    }

    /** Encodes an image as PNG (fast row-difference filter and deflate; standard 8-bit RGB). */
    public static byte[] png(BufferedImage image) {
        return PngEncoder.encode(image);
    }

    /** Encodes with ImageIO's own PNG writer (slower; kept to cross-check the fast encoder). */
    static byte[] pngImageIo(BufferedImage image) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
        try {
            ImageIO.write(image, "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("PNG encoding failed", e);
        }
        return bytes.toByteArray();
    }

    /** Writes the figure as a PNG file. */
    public static void writePng(HeatmapGrid grid, ChartOptions options, Path file) throws IOException {
        Files.write(file, toPng(grid, options));
    }

    /**
     * The figure as a standalone SVG document in logical pixels; every label is a {@code <text>} element, so the
     * values can be searched and copied.
     */
    public static String toSvg(HeatmapGrid grid, ChartOptions options) {
        return toSvg(chart(grid, options));
    }

    /** A chart made by {@link #chart} as a standalone SVG document at its figure's own size. */
    public static String toSvg(JFreeChart chart) {
        FigureLayout layout = ((HeatmapGridPlot) chart.getPlot()).naturalLayout();
        SVGGraphics2D g = new SVGGraphics2D(layout.width(), layout.height());
        g.setRenderingHint(SVGHints.KEY_DRAW_STRING_TYPE, SVGHints.VALUE_DRAW_STRING_TYPE_STANDARD);
        chart.draw(g, new Rectangle2D.Double(0, 0, layout.width(), layout.height()));
        // No DOCTYPE: SVG 2 has none, and the SVG 1.1 DTD would make XML parsers fetch it from the network.
        // A viewBox lets browsers and editors scale the figure without losing its proportions.
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + g.getSVGElement(null, true, new ViewBox(0, 0, layout.width(), layout.height()), null, null) + "\n";
    }

    /** Writes the figure as an SVG file (UTF-8). */
    public static void writeSvg(HeatmapGrid grid, ChartOptions options, Path file) throws IOException {
        Files.writeString(file, toSvg(grid, options));
    }
}
