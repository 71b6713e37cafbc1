package org.gtlens.chart;

import java.awt.Color;
import java.awt.Dimension;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.event.MouseEvent;

import javax.swing.JPanel;
import javax.swing.ToolTipManager;

/**
 * An interactive heatmap figure for Swing: the same drawing as the PNG and SVG output, refitted to the component's
 * size whenever it changes, with a tooltip naming the panel, the row, the column and the exact value under the
 * mouse. It has no frame of its own, so it can sit in a JFrame ({@link HeatmapWindow}), a scroll pane or a KNIME
 * node view alike.
 *
 * <p>With {@code options.cellSize() > 0} the figure keeps that cell size (use a scroll pane); otherwise cells
 * stretch to fill the component, and text grows with them when the component is larger than the figure's natural
 * size.
 */
public class HeatmapPanel extends JPanel {

    private static final long serialVersionUID = 1L;

    private transient HeatmapGrid grid;
    private transient ChartOptions options = ChartOptions.defaults();
    private transient FigureLayout layout;
    private transient FigureLayout natural;

    /** An empty panel; call {@link #setGrid}. */
    public HeatmapPanel() {
        setBackground(Color.WHITE);
        setOpaque(true);
        ToolTipManager.sharedInstance().registerComponent(this);
    }

    public HeatmapPanel(HeatmapGrid grid, ChartOptions options) {
        this();
        setGrid(grid, options);
    }

    /** Shows another figure (or the same with other options); call on the event dispatch thread. */
    public void setGrid(HeatmapGrid grid, ChartOptions options) {
        this.grid = grid;
        this.options = options == null ? ChartOptions.defaults() : options;
        this.layout = null;
        this.natural = null;
        revalidate();
        repaint();
    }

    public HeatmapGrid grid() {
        return grid;
    }

    public ChartOptions options() {
        return options;
    }

    /** The layout of the last paint (or for the current size), null without a grid. */
    public FigureLayout currentLayout() {
        if (grid == null) {
            return null;
        }
        int w = Math.max(1, getWidth());
        int h = Math.max(1, getHeight());
        if (options.cellSize() > 0 || getWidth() <= 0 || getHeight() <= 0) {
            if (natural == null) {
                natural = FigureLayout.compute(grid, options.withSize(0, 0));
            }
            return natural;
        }
        if (layout == null || layout.width() != w || layout.height() != h) {
            if (natural == null) {
                natural = FigureLayout.compute(grid, options.withSize(0, 0));
            }
            // Larger than the natural size: text grows with the cells (up to 3x), so big windows stay balanced;
            // smaller: cells shrink at the normal text size, and value labels drop out when they no longer fit.
            double zoom = Math.min((double) w / natural.width(), (double) h / natural.height());
            float font = (float) Math.min(72, options.fontSize() * Math.max(1, Math.min(3, zoom)));
            layout = FigureLayout.compute(grid, options.withFontSize(font).withSize(w, h));
        }
        return layout;
    }

    @Override
    public Dimension getPreferredSize() {
        if (isPreferredSizeSet() || grid == null) {
            return super.getPreferredSize();
        }
        if (natural == null) {
            natural = FigureLayout.compute(grid, options.withSize(0, 0));
        }
        return new Dimension(natural.width(), natural.height());
    }

    @Override
    protected void paintComponent(Graphics g) {
        super.paintComponent(g);
        FigureLayout l = currentLayout();
        if (l == null) {
            return;
        }
        Graphics2D g2 = (Graphics2D) g.create();
        try {
            HeatmapPainter.paint(g2, l);
        } finally {
            g2.dispose();
        }
    }

    @Override
    public String getToolTipText(MouseEvent event) {
        FigureLayout l = currentLayout();
        FigureLayout.Hit hit = l == null ? null : l.hit(event.getX(), event.getY());
        return hit == null ? null : tooltip(l.grid(), hit);
    }

    /** The tooltip of a cell: panel title, row and column labels with their axis names, and the exact value. */
    static String tooltip(HeatmapGrid grid, FigureLayout.Hit hit) {
        HeatmapPanelData d = hit.box().data();
        String rowAxis = grid.rowAxisTitle().isEmpty() ? "Row" : grid.rowAxisTitle();
        String colAxis = grid.colAxisTitle().isEmpty() ? "Column" : grid.colAxisTitle();
        StringBuilder b = new StringBuilder("<html>");
        if (!d.title().isEmpty()) {
            b.append("<b>").append(escape(d.title())).append("</b><br>");
        }
        b.append(escape(rowAxis)).append(": ").append(escape(d.rowLabels().get(hit.row()))).append("<br>");
        b.append(escape(colAxis)).append(": ").append(escape(d.colLabels().get(hit.col()))).append("<br>");
        b.append("value: <b>").append(Float.isNaN(hit.value()) ? "no value" : Float.toString(hit.value()))
                .append("</b></html>");
        return b.toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
