package org.gtlens.chart.swing;

import org.gtlens.chart.layout.PanelBox;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Rectangle;
import java.awt.event.MouseEvent;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.gtlens.chart.data.HeatmapGrid;
import org.gtlens.chart.data.HeatmapPanelData;
import org.gtlens.chart.figures.Figure;
import org.gtlens.chart.figures.RepresentationFigures;
import org.gtlens.chart.layout.FigureLayout;
import org.gtlens.chart.options.ChartOptions;
import org.gtlens.testing.Synthetic;

/** The Swing component without a display: it fits its size and names the cell under the mouse. */
class HeatmapPanelTest {

    /** Paints the panel off screen, as Swing would, so that it knows where its cells are. */
    static void paint(HeatmapPanel panel) {
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(Math.max(1, panel.getWidth()),
                Math.max(1, panel.getHeight()), java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = img.createGraphics();
        panel.paint(g);
        g.dispose();
    }

    private static MouseEvent at(HeatmapPanel panel, int x, int y) {
        return new MouseEvent(panel, MouseEvent.MOUSE_MOVED, 0, 0, x, y, 0, false);
    }

    @Test
    void fitsItsSizeAndTellsTheCellUnderTheMouse() {
        Synthetic s = Synthetic.defaultShape();
        List<Figure> figures = RepresentationFigures.build(s.info, s.tokens, s.allKinds(), s.source());
        Figure attention = figures.get(0);
        HeatmapPanel panel = new HeatmapPanel(attention.grid(), attention.defaults());
        assertTrue(panel.getPreferredSize().width > 200);
        for (int[] size : new int[][] {{1000, 700}, {640, 480}, {1400, 1000}}) {
            panel.setSize(size[0], size[1]);
            paint(panel);
            FigureLayout layout = panel.currentLayout();
            assertEquals(size[0], layout.width());
            assertEquals(size[1], layout.height());
            Rectangle last = layout.boxes().get(layout.boxes().size() - 1).cellArea();
            assertTrue(last.x + last.width <= size[0] && last.y + last.height <= size[1], "cells inside the panel");
        }
        panel.setSize(1000, 700);
        paint(panel);
        PanelBox box = panel.currentLayout().box(1, 2); // block 1, head 2
        Rectangle cell = box.cell(3, 1);
        String tip = panel.getToolTipText(at(panel, cell.x + cell.width / 2, cell.y + cell.height / 2));
        assertTrue(tip.contains("Block 1 · Head 2"), tip);
        assertTrue(tip.contains("Out-Position i: Out 3: " + s.tokens[3]), tip);
        assertTrue(tip.contains("In-Position j: In 1: " + s.tokens[1]), tip);
        float value = s.matrix(org.gtlens.model.Kind.ATTENTION, 1, 2).get(3, 1);
        assertTrue(tip.contains(Float.toString(value)), tip + " has the exact value " + value);
        assertNull(panel.getToolTipText(at(panel, 1, 1)), "no tooltip outside the cells");
    }

    @Test
    void flippedRowsAreHitWhereTheyAreDrawn() {
        HeatmapGrid grid = HeatmapGrid.of("t", new HeatmapPanelData[][] {{HeatmapPanelData.of("p",
            new float[][] {{1f, 2f}, {3f, 4f}}, new String[] {"top?", "bottom?"}, null)}}, "", "");
        HeatmapPanel panel = new HeatmapPanel(grid, ChartOptions.defaults().toBuilder().flipRows(true).build());
        panel.setSize(400, 300);
        paint(panel);
        Rectangle area = panel.currentLayout().box(0, 0).cellArea();
        String bottomLeft = panel.getToolTipText(at(panel, area.x + 2, area.y + area.height - 2));
        assertTrue(bottomLeft.contains("top?") && bottomLeft.contains("1.0"), bottomLeft);
    }

    @Test
    void tooltipsEscapeLabels() {
        HeatmapGrid grid = HeatmapGrid.of("t", new HeatmapPanelData[][] {{HeatmapPanelData.of("<b>",
            new float[][] {{1f}}, new String[] {"<pad>"}, new String[] {"a&b"})}}, "", "");
        HeatmapPanel panel = new HeatmapPanel(grid, ChartOptions.defaults());
        panel.setSize(300, 200);
        paint(panel);
        Rectangle cell = panel.currentLayout().box(0, 0).cell(0, 0);
        String tip = panel.getToolTipText(at(panel, cell.x + 1, cell.y + 1));
        assertTrue(tip.contains("&lt;pad&gt;") && tip.contains("a&amp;b") && tip.contains("&lt;b&gt;"), tip);
    }
}
