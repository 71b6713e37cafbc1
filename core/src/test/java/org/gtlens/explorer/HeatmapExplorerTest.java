package org.gtlens.explorer;

import org.gtlens.chart.layout.PanelBox;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Component;
import java.awt.Container;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.event.ActionEvent;
import java.awt.event.KeyEvent;
import java.awt.event.MouseEvent;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import javax.imageio.ImageIO;
import javax.swing.JComponent;
import javax.swing.KeyStroke;
import javax.xml.parsers.DocumentBuilderFactory;

import org.gtlens.GtLensException;
import org.gtlens.chart.options.ChartOptions;
import org.gtlens.chart.figures.Figure;
import org.gtlens.chart.layout.FigureLayout;
import org.gtlens.chart.figures.RepresentationFigures;
import org.gtlens.testing.Synthetic;
import org.gtlens.model.Kind;
import org.gtlens.repr.IndexList;
import org.gtlens.repr.Selection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The explorer component without a window: each picker changes the figure at once (pixels differ, tooltips name
 * the new block and head), the keys step through items, a choice that does not fit is said and keeps the figure,
 * and the figure saves as a valid PNG and SVG.
 */
class HeatmapExplorerTest {

    /** Three random sequences of the default model's shape (3 heads, 2 blocks, length 5). */
    static final class SyntheticSource implements FigureSource {
        final List<Synthetic> items = List.of(Synthetic.of(6, 3, 2, 5, 10, 1), Synthetic.of(6, 3, 2, 5, 10, 2),
                Synthetic.of(6, 3, 2, 5, 10, 3));
        int built;

        @Override
        public int size() {
            return items.size();
        }

        @Override
        public String label(int index) {
            return "item " + index;
        }

        @Override
        public List<Kind> kinds() {
            return new ArrayList<>(Kind.contract());
        }

        @Override
        public Figure figure(int index, Kind kind, IndexList blocks, IndexList heads) throws GtLensException {
            Synthetic s = items.get(index);
            Selection sel = Selection.all(EnumSet.of(kind)).withBlocks(blocks).withHeads(heads);
            try {
                sel.check(s.info);
            } catch (IllegalArgumentException e) {
                throw new GtLensException(e.getMessage() + ".");
            }
            built++;
            return RepresentationFigures.figure(s.info, s.tokens, kind, s.source(), sel);
        }
    }

    private static void layout(Component c) {
        c.doLayout();
        if (c instanceof Container container) {
            for (Component child : container.getComponents()) {
                layout(child);
            }
        }
    }

    private static BufferedImage paint(HeatmapExplorer explorer) {
        explorer.setSize(1200, 900);
        layout(explorer);
        BufferedImage img = new BufferedImage(1200, 900, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        explorer.paint(g);
        g.dispose();
        return img;
    }

    private static int differing(BufferedImage a, BufferedImage b) {
        int n = 0;
        for (int y = 0; y < a.getHeight(); y += 2) {
            for (int x = 0; x < a.getWidth(); x += 2) {
                if (a.getRGB(x, y) != b.getRGB(x, y)) {
                    n++;
                }
            }
        }
        return n;
    }

    /** The tooltip at the centre of cell (row, col) of the panel at a grid position of the figure on screen. */
    private static String tooltip(HeatmapExplorer explorer, int gridRow, int gridCol, int row, int col) {
        FigureLayout l = explorer.panel().currentLayout();
        PanelBox box = l.box(gridRow, gridCol);
        Rectangle cell = box.cell(row, col);
        return explorer.panel().getToolTipText(new MouseEvent(explorer.panel(), MouseEvent.MOUSE_MOVED, 0, 0,
                cell.x + cell.width / 2, cell.y + cell.height / 2, 0, false));
    }

    @Test
    void everyPickerRedrawsAtOnce() {
        SyntheticSource source = new SyntheticSource();
        HeatmapExplorer explorer = new HeatmapExplorer(source);
        BufferedImage first = paint(explorer);
        assertEquals(Kind.ATTENTION, explorer.selectedKind());
        assertEquals(6, explorer.figure().grid().all().size(), "every block and head at first");
        assertTrue(tooltip(explorer, 1, 2, 3, 1).contains("Block 1 · Head 2"));

        explorer.choose(0, Kind.ATTENTION, "1", "2", ChartOptions.ValueScale.LINEAR, ChartOptions.RangeMode.SHARED);
        BufferedImage one = paint(explorer);
        assertEquals(1, explorer.figure().grid().all().size(), "block 1 head 2 alone");
        assertTrue(differing(first, one) > 1000, "the figure changed");
        String tip = tooltip(explorer, 0, 0, 3, 1);
        assertTrue(tip.contains("Block 1 · Head 2") && tip.contains("Out 3: ") && tip.contains("In 1: "), tip);
        float expected = source.items.get(0).matrix(Kind.ATTENTION, 1, 2).get(3, 1);
        assertTrue(tip.contains(Float.toString(expected)), tip + " has the exact value " + expected);

        explorer.choose(0, Kind.ATTENTION, "1", "2", ChartOptions.ValueScale.ROW, ChartOptions.RangeMode.SHARED);
        BufferedImage row = paint(explorer);
        assertTrue(differing(one, row) > 100, "the row scale recolours the cells");

        explorer.choose(0, Kind.VALUES, "0", "all", ChartOptions.ValueScale.LINEAR, ChartOptions.RangeMode.PER_PANEL);
        paint(explorer);
        assertEquals(3, explorer.figure().grid().all().size(), "block 0, three heads");
        assertEquals(Kind.VALUES, explorer.figure().representation());
        assertTrue(explorer.panel().currentLayout().sharedLegend() == null, "one legend per panel");

        explorer.choose(2, Kind.VALUES, "0", "all", ChartOptions.ValueScale.LINEAR, ChartOptions.RangeMode.PER_PANEL);
        BufferedImage third = paint(explorer);
        assertEquals(2, explorer.selectedItem());
        assertTrue(tooltip(explorer, 0, 1, 0, 0).contains(Float.toString(
                source.items.get(2).matrix(Kind.VALUES, 0, 1).get(0, 0))), "values of item 2");
        assertTrue(third.getWidth() > 0);
    }

    @Test
    void keysStepThroughItemsAndWrongChoicesAreSaid() {
        SyntheticSource source = new SyntheticSource();
        HeatmapExplorer explorer = new HeatmapExplorer(source);
        assertEquals("next", explorer.getInputMap(JComponent.WHEN_IN_FOCUSED_WINDOW)
                .get(KeyStroke.getKeyStroke(KeyEvent.VK_PAGE_DOWN, 0)));
        explorer.getActionMap().get("next").actionPerformed(new ActionEvent(explorer, 0, "next"));
        assertEquals(1, explorer.selectedItem());
        explorer.getActionMap().get("previous").actionPerformed(new ActionEvent(explorer, 0, "previous"));
        explorer.getActionMap().get("previous").actionPerformed(new ActionEvent(explorer, 0, "previous"));
        assertEquals(0, explorer.selectedItem(), "stays at the first item");

        Figure before = explorer.figure();
        explorer.choose(0, Kind.ATTENTION, "5", "all", ChartOptions.ValueScale.LINEAR, ChartOptions.RangeMode.SHARED);
        assertNotNull(explorer.error());
        assertTrue(explorer.error().contains("block 5") && explorer.error().contains("2 blocks"), explorer.error());
        assertEquals(before, explorer.figure(), "the last figure stays");
        explorer.choose(0, Kind.ATTENTION, "0-", "all", ChartOptions.ValueScale.LINEAR, ChartOptions.RangeMode.SHARED);
        assertTrue(explorer.error().startsWith("Blocks: "), explorer.error());
        explorer.choose(0, Kind.ATTENTION, "last", "last", ChartOptions.ValueScale.LOG, ChartOptions.RangeMode.SHARED);
        assertNull(explorer.error());
        assertEquals("Block 1 · Head 2", explorer.figure().grid().all().get(0).title());
    }

    @Test
    void positionsPickRowsOfSequencesRunThroughTheModel() throws Exception {
        try (org.gtlens.runtime.GTransformer model = org.gtlens.runtime.GTransformer.loadDefault(1)) {
            ModelFigureSource source = new ModelFigureSource(model, List.of(
                new org.gtlens.repr.Sequence("a", new int[] {4, 5, 5, 5, 4}),
                new org.gtlens.repr.Sequence("b", new int[] {1, 2, 3})));
            HeatmapExplorer explorer = new HeatmapExplorer(source);
            explorer.choose(1, Kind.ATTENTION, "all", "0", "last", ChartOptions.ValueScale.LINEAR,
                ChartOptions.RangeMode.SHARED);
            assertNull(explorer.error(), explorer.error());
            var panel = explorer.figure().grid().all().get(0);
            assertEquals(1, panel.rows(), "the last position only");
            assertEquals("Out 2: 3", panel.rowLabels().get(0), "sequence b's own last position");
            assertEquals(3, panel.cols());
            explorer.choose(0, Kind.ATTENTION, "all", "0", "7", ChartOptions.ValueScale.LINEAR,
                ChartOptions.RangeMode.SHARED);
            assertTrue(explorer.error() != null && explorer.error().contains("7"), explorer.error());
            assertTrue(source.label(0).startsWith("a · sequence 4,5,5,5,4"), source.label(0));
        }
        HeatmapExplorer synthetic = new HeatmapExplorer(new SyntheticSource());
        synthetic.choose(0, Kind.ATTENTION, "all", "all", "last", ChartOptions.ValueScale.LINEAR,
            ChartOptions.RangeMode.SHARED);
        assertEquals("Positions cannot be chosen here; all are drawn.", synthetic.error());
    }

    @Test
    void theFigureSavesAsPngAndSvg(@TempDir Path dir) throws Exception {
        HeatmapExplorer explorer = new HeatmapExplorer(new SyntheticSource());
        paint(explorer);
        Path png = dir.resolve("figure.png");
        Path svg = dir.resolve("figure.svg");
        explorer.panel().save(png);
        explorer.panel().save(svg);
        BufferedImage img = ImageIO.read(png.toFile());
        assertNotNull(img, "a PNG ImageIO reads");
        assertTrue(img.getWidth() > 300 && img.getHeight() > 200);
        String text = Files.readString(svg);
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        assertEquals("svg", f.newDocumentBuilder().parse(svg.toFile()).getDocumentElement().getNodeName());
        assertTrue(text.contains("Block 1 · Head 2"), "panel titles are text in the SVG");
        assertFalse(Files.exists(dir.resolve("figure.txt")));
        Exception e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                () -> explorer.panel().save(dir.resolve("figure.txt")));
        assertTrue(e.getMessage().contains(".png or .svg"), e.getMessage());
    }
}
