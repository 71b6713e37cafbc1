package org.gtlens.chart.output;

import org.gtlens.chart.layout.PanelBox;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

import javax.xml.parsers.DocumentBuilderFactory;

import org.gtlens.repr.Matrix;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.gtlens.chart.data.HeatmapGrid;
import org.gtlens.chart.data.HeatmapPanelData;
import org.gtlens.chart.figures.Figure;
import org.gtlens.chart.figures.RepresentationFigures;
import org.gtlens.chart.layout.FigureLayout;
import org.gtlens.chart.layout.Fonts;
import org.gtlens.chart.options.ChartOptions;
import org.gtlens.chart.options.Palette;
import org.gtlens.testing.Pixels;
import org.gtlens.testing.Synthetic;

/** What a rendered figure looks like, judged from its pixels and its SVG text. */
class HeatmapRendererTest {

    /** A rows x cols matrix holding the distinct values lo, lo+step, ... in a shuffled order. */
    private static float[][] shuffled(int rows, int cols, float lo, float step, long seed) {
        List<Float> values = new ArrayList<>();
        for (int i = 0; i < rows * cols; i++) {
            values.add(lo + i * step);
        }
        Collections.shuffle(values, new Random(seed));
        float[][] m = new float[rows][cols];
        for (int i = 0; i < rows * cols; i++) {
            m[i / cols][i % cols] = values.get(i);
        }
        return m;
    }

    private static HeatmapGrid single(float[][] values) {
        return HeatmapGrid.of("Synthetic", new HeatmapPanelData[][] {{HeatmapPanelData.of("Panel", values, null,
            null)}}, "Row i", "Column j");
    }

    private static HeatmapGrid blocksByHeads(int blocks, int heads, int rows, int cols, long seed) {
        Random r = new Random(seed);
        HeatmapPanelData[][] panels = new HeatmapPanelData[blocks][heads];
        for (int b = 0; b < blocks; b++) {
            for (int h = 0; h < heads; h++) {
                float[][] v = new float[rows][cols];
                for (float[] row : v) {
                    for (int c = 0; c < cols; c++) {
                        row[c] = r.nextFloat();
                    }
                }
                panels[b][h] = HeatmapPanelData.of("Block " + b + " · Head " + h, v, null, null);
            }
        }
        return HeatmapGrid.of("Attention maps · " + blocks + " blocks x " + heads + " heads", panels, "Out-Position i",
                "In-Position j");
    }

    /** Renders to PNG bytes and decodes them again, so every check looks at the file a user gets. */
    private static BufferedImage png(HeatmapGrid grid, ChartOptions options) {
        return Pixels.decode(HeatmapRenderer.toPng(grid, options));
    }

    private static void assertColourOrderFollowsValues(float[][] values, ChartOptions options, Palette palette) {
        HeatmapGrid grid = single(values);
        BufferedImage img = png(grid, options);
        PanelBox box = FigureLayout.compute(grid, options).box(0, 0);
        List<float[]> cells = new ArrayList<>(); // {value, palette position}
        for (int r = 0; r < values.length; r++) {
            for (int c = 0; c < values[0].length; c++) {
                int colour = Pixels.mode(img, box.cell(r, c), 1);
                int pos = Pixels.palettePosition(palette, colour);
                assertTrue(Pixels.distance(palette.entry(pos), colour) <= 12,
                        "cell " + r + "," + c + " colour " + Integer.toHexString(colour) + " is not on " + palette);
                cells.add(new float[] {values[r][c], pos});
            }
        }
        cells.sort((a, b) -> Float.compare(a[0], b[0]));
        for (int i = 1; i < cells.size(); i++) {
            assertTrue(cells.get(i)[1] >= cells.get(i - 1)[1], "value " + cells.get(i)[0] + " is drawn lower on the "
                    + "scale than the smaller value " + cells.get(i - 1)[0]);
        }
        assertTrue(cells.get(cells.size() - 1)[1] - cells.get(0)[1] > 200, "the colours span the scale");
    }

    @Test
    void cellColoursFollowTheValueOrderOnASequentialScale() {
        assertColourOrderFollowsValues(shuffled(5, 7, 0f, 0.03f, 1), ChartOptions.defaults(), Palette.VIRIDIS);
        assertColourOrderFollowsValues(shuffled(4, 4, 0f, 1f, 2),
                ChartOptions.defaults().toBuilder().sequential(Palette.BLUES).build(), Palette.BLUES);
    }

    @Test
    void signedValuesUseADivergingScaleCentredAtZero() {
        float[][] v = shuffled(6, 6, -1.75f, 0.1f, 3);
        assertColourOrderFollowsValues(v, ChartOptions.defaults(), Palette.BLUE_RED);
        // Zero is drawn with the scale's white centre.
        float[][] z = {{-2f, 0f, 1f}};
        HeatmapGrid grid = single(z);
        BufferedImage img = png(grid, ChartOptions.defaults());
        int centre = Pixels.mode(img, FigureLayout.compute(grid, ChartOptions.defaults()).box(0, 0).cell(0, 1), 1);
        assertTrue(Pixels.luminance(centre) > 0.85, "0 is near white: " + Integer.toHexString(centre));
    }

    @Test
    void everyCellShowsItsValueInAReadableColour() {
        for (Figure f : RepresentationFigures.build(Synthetic.defaultShape().info, Synthetic.defaultShape().tokens,
                Synthetic.defaultShape().allKinds(), Synthetic.defaultShape().source())) {
            ChartOptions options = f.defaults().toBuilder().valueLabels(ChartOptions.LabelMode.ON).build();
            BufferedImage img = png(f.grid(), options);
            FigureLayout layout = FigureLayout.compute(f.grid(), options);
            assertTrue(layout.valueLabels());
            int cells = 0;
            for (PanelBox box : layout.boxes()) {
                for (int r = 0; r < box.data().rows(); r++) {
                    for (int c = 0; c < box.data().cols(); c++) {
                        Pixels.CellText t = Pixels.cellText(img, box.cell(r, c), 1);
                        String where = f.name() + " " + box.data().title() + " cell " + r + "," + c;
                        if (Float.isNaN(box.data().value(r, c))) {
                            assertEquals(0, t.textPixels(), where + ": a masked cell has no number");
                            continue;
                        }
                        assertTrue(t.textPixels() >= 6, where + ": no text (" + t.textPixels() + " pixels)");
                        assertTrue(t.contrast() >= 4.5, where + ": text " + Integer.toHexString(t.text()) + " on "
                                + Integer.toHexString(t.background()) + " has contrast " + t.contrast());
                        cells++;
                    }
                }
            }
            assertTrue(cells > 0);
        }
    }

    @Test
    void cellsWithoutAValueAreGreyAndUnlabelled() {
        float[][] v = {{0.2f, Float.NaN, 0.9f}};
        HeatmapGrid grid = single(v);
        ChartOptions options = ChartOptions.defaults().toBuilder().valueLabels(ChartOptions.LabelMode.ON).build();
        BufferedImage img = png(grid, options);
        PanelBox box = FigureLayout.compute(grid, options).box(0, 0);
        Pixels.CellText missing = Pixels.cellText(img, box.cell(0, 1), 1);
        assertEquals(0xd9d9d9, missing.background(), "grey: " + Integer.toHexString(missing.background()));
        assertEquals(0, missing.textPixels(), "no number in a cell without a value");
        assertTrue(Pixels.cellText(img, box.cell(0, 0), 1).textPixels() >= 6, "its neighbours keep their numbers");
        String svg = HeatmapRenderer.toSvg(grid, options);
        assertFalse(svg.contains("NaN"), "no NaN label in the SVG");
    }

    @Test
    void lightAndDarkCellsGetDifferentTextColours() {
        float[][] v = {{0f, 0.5f, 1f}};
        HeatmapGrid grid = single(v);
        BufferedImage img = png(grid, ChartOptions.defaults());
        PanelBox box = FigureLayout.compute(grid, ChartOptions.defaults()).box(0, 0);
        Pixels.CellText dark = Pixels.cellText(img, box.cell(0, 0), 1); // viridis violet
        Pixels.CellText light = Pixels.cellText(img, box.cell(0, 2), 1); // viridis yellow
        assertTrue(Pixels.luminance(dark.text()) > 0.8, "light text on the dark cell");
        assertTrue(Pixels.luminance(light.text()) < 0.05, "dark text on the light cell");
    }

    @Test
    void rowZeroIsOnTopByDefaultAndAtTheBottomWhenFlipped() {
        float[][] v = {{1f, 1f}, {0f, 0f}, {0f, 0f}}; // row 0 bright yellow, the rest dark violet
        HeatmapGrid grid = single(v);
        for (boolean flip : new boolean[] {false, true}) {
            ChartOptions options = ChartOptions.defaults().toBuilder().flipRows(flip).valueLabels(ChartOptions.LabelMode.OFF).build();
            BufferedImage img = png(grid, options);
            Rectangle area = FigureLayout.compute(grid, options).box(0, 0).cellArea();
            double topLum = Pixels.luminance(Pixels.rgb(img, area.x + 2, area.y + 2));
            double bottomLum = Pixels.luminance(Pixels.rgb(img, area.x + 2, area.y + area.height - 3));
            if (flip) {
                assertTrue(bottomLum > topLum + 0.3, "flipped: row 0 (bright) at the bottom");
            } else {
                assertTrue(topLum > bottomLum + 0.3, "default: row 0 (bright) on top");
            }
        }
    }

    @Test
    void imageSizeFollowsTheOptions() {
        HeatmapGrid grid = blocksByHeads(2, 3, 5, 5, 4);
        BufferedImage fixed = png(grid, ChartOptions.defaults().toBuilder().size(900, 600).build());
        assertEquals(900, fixed.getWidth());
        assertEquals(600, fixed.getHeight());

        BufferedImage natural = png(grid, ChartOptions.defaults());
        BufferedImage hidpi = png(grid, ChartOptions.defaults().toBuilder().zoom(2).build());
        assertEquals(2 * natural.getWidth(), hidpi.getWidth());
        assertEquals(2 * natural.getHeight(), hidpi.getHeight());

        // A 20 px cell is 20 px of one colour, 40 px at scale 2: measured along a row of alternating values.
        float[][] stripes = {{0f, 1f, 0f, 1f, 0f, 1f}};
        for (double scale : new double[] {1, 2}) {
            ChartOptions o = ChartOptions.defaults().toBuilder().cellSize(20).zoom(scale)
                    .valueLabels(ChartOptions.LabelMode.OFF).build();
            BufferedImage img = png(single(stripes), o);
            Rectangle cell = FigureLayout.compute(single(stripes), o).box(0, 0).cell(0, 2);
            int y = (int) ((cell.y + 10) * scale);
            int x = (int) ((cell.x + 10) * scale);
            int colour = Pixels.rgb(img, x, y);
            int left = x;
            while (Pixels.rgb(img, left - 1, y) == colour) {
                left--;
            }
            int right = x;
            while (Pixels.rgb(img, right + 1, y) == colour) {
                right++;
            }
            assertEquals(20 * scale, right - left + 1, 0.0, "cell width in pixels at scale " + scale);
        }
    }

    @Test
    void marginsAreTight() {
        List<HeatmapGrid> grids = new ArrayList<>();
        grids.add(blocksByHeads(2, 3, 5, 5, 5));
        grids.add(single(shuffled(3, 12, 0, 1, 6)));
        grids.add(blocksByHeads(1, 1, 2, 2, 7));
        Synthetic s = Synthetic.secondShape();
        for (Figure f : RepresentationFigures.build(s.info, s.tokens, s.allKinds(), s.source())) {
            grids.add(f.grid());
        }
        for (HeatmapGrid g : grids) {
            BufferedImage img = png(g, ChartOptions.defaults());
            int[] border = Pixels.blankBorder(img);
            for (int side = 0; side < 4; side++) {
                assertTrue(border[side] >= 3 && border[side] <= 14, g.title() + ": blank border "
                        + java.util.Arrays.toString(border) + " (top, right, bottom, left) should be 3..14 px");
            }
        }
    }

    @Test
    void aLongTitleIsWrappedNotCutOff() {
        String title = "Attention maps · sequence " + "4,5,5,5,4,".repeat(4) + "4 · a very long title that would "
                + "never fit on one line above this rather narrow figure";
        HeatmapGrid grid = HeatmapGrid.of(title, new HeatmapPanelData[][] {{HeatmapPanelData.of("P",
            new float[][] {{0.1f, 0.2f}, {0.3f, 0.4f}}, null, null)}}, "", "");
        FigureLayout layout = FigureLayout.compute(grid, ChartOptions.defaults());
        assertTrue(layout.titleLines().size() > 1, "wrapped");
        String joined = String.join(" ", layout.titleLines());
        assertEquals(title.replace(" ", ""), joined.replace(" ", ""), "every character of the title is shown");
        assertTrue(layout.titleLines().stream().allMatch(l -> Fonts.width(Fonts.plain(12), l) < layout.width()));
        BufferedImage img = png(grid, ChartOptions.defaults());
        int[] border = Pixels.blankBorder(img);
        assertTrue(border[1] >= 3 && border[3] >= 3, "title text keeps off the left and right edges");
        // The same title as SVG text, line by line, within the document width.
        String svg = HeatmapRenderer.toSvg(grid, ChartOptions.defaults());
        for (String line : layout.titleLines()) {
            assertTrue(svg.contains(line), "SVG has title line " + line);
        }
    }

    @Test
    void valueLabelsSwitchOffForTwelveHeadsBySixBlocksOfLength64() throws Exception {
        HeatmapGrid big = blocksByHeads(6, 12, 64, 64, 8);
        FigureLayout layout = FigureLayout.compute(big, ChartOptions.defaults());
        assertFalse(layout.valueLabels(), "cells of " + layout.box(0, 0).cellW() + " px are too small for text");
        BufferedImage img = png(big, ChartOptions.defaults());
        assertTrue(img.getWidth() <= 1700 && img.getHeight() <= 1300, "capped size " + img.getWidth() + "x"
                + img.getHeight());
        // No value text in the SVG either: only titles, ticks and legend.
        int texts = textElements(HeatmapRenderer.toSvg(big, ChartOptions.defaults())).size();
        assertTrue(texts < 6 * 12 * 64, "only " + texts + " text elements, far fewer than cells");
        // A small figure keeps its labels.
        assertTrue(FigureLayout.compute(blocksByHeads(2, 3, 5, 5, 9), ChartOptions.defaults()).valueLabels());
        // OFF means off.
        assertFalse(FigureLayout.compute(blocksByHeads(2, 3, 5, 5, 9),
                ChartOptions.defaults().toBuilder().valueLabels(ChartOptions.LabelMode.OFF).build()).valueLabels());
    }

    @Test
    void svgIsXmlWithEveryValueLabel() throws Exception {
        Synthetic s = Synthetic.secondShape();
        for (Figure f : RepresentationFigures.build(s.info, s.tokens, s.allKinds(), s.source())) {
            ChartOptions options = f.defaults();
            String svg = HeatmapRenderer.toSvg(f.grid(), options);
            List<String> texts = textElements(svg);
            Set<String> present = new HashSet<>(texts);
            int decimals = FigureLayout.compute(f.grid(), options).decimals();
            if (f.representation() == org.gtlens.model.Kind.LOGPROBS) {
                assertEquals(3, decimals);
            }
            int cells = 0;
            for (HeatmapPanelData p : f.grid().all()) {
                for (int r = 0; r < p.rows(); r++) {
                    for (int c = 0; c < p.cols(); c++) {
                        if (Float.isNaN(p.value(r, c))) {
                            continue;
                        }
                        String expected = String.format(Locale.ROOT, "%." + decimals + "f", (double) p.value(r, c));
                        if (expected.matches("-0\\.0*")) {
                            expected = expected.substring(1);
                        }
                        assertTrue(present.contains(expected), f.name() + ": SVG lacks value label " + expected);
                        cells++;
                    }
                }
                assertTrue(present.contains(p.title()), "panel title " + p.title());
                List<String> missing = new java.util.ArrayList<>(p.rowLabels());
                missing.addAll(p.colLabels());
                missing.removeAll(present);
                assertTrue(missing.isEmpty(), f.name() + ": tick labels of " + p.title() + " missing: " + missing);
            }
            assertTrue(texts.size() >= cells, "one text per cell at least");
            assertTrue(present.contains(f.grid().rowAxisTitle()) && present.contains(f.grid().colAxisTitle()));
        }
    }

    @Test
    void pngIsAStandardPngOfTheSamePixels() {
        HeatmapGrid grid = blocksByHeads(2, 2, 4, 6, 10);
        BufferedImage image = HeatmapRenderer.toImage(grid, ChartOptions.defaults());
        byte[] bytes = HeatmapRenderer.png(image);
        assertEquals((byte) 0x89, bytes[0]);
        assertEquals("PNG", new String(bytes, 1, 3, StandardCharsets.US_ASCII));
        BufferedImage back = Pixels.decode(bytes);
        assertEquals(image.getWidth(), back.getWidth());
        assertEquals(image.getHeight(), back.getHeight());
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xffffff) != (back.getRGB(x, y) & 0xffffff)) {
                    throw new AssertionError("pixel " + x + "," + y + " differs after PNG round trip");
                }
            }
        }
        // The same pixels as ImageIO's own encoder.
        BufferedImage viaImageIo = Pixels.decode(HeatmapRenderer.pngImageIo(image));
        assertEquals(back.getRGB(image.getWidth() / 2, image.getHeight() / 2),
                viaImageIo.getRGB(image.getWidth() / 2, image.getHeight() / 2));
    }

    @Test
    void perPanelRangesGiveEachPanelItsOwnLegend() {
        HeatmapPanelData small = HeatmapPanelData.of("small", new float[][] {{0f, 0.01f}}, null, null);
        HeatmapPanelData large = HeatmapPanelData.of("large", new float[][] {{0f, 100f}}, null, null);
        HeatmapGrid grid = HeatmapGrid.of("two ranges", new HeatmapPanelData[][] {{small, large}}, "", "");
        ChartOptions perPanel = ChartOptions.defaults().toBuilder().range(ChartOptions.RangeMode.PER_PANEL).build();
        FigureLayout layout = FigureLayout.compute(grid, perPanel);
        assertEquals(null, layout.sharedLegend());
        BufferedImage img = png(grid, perPanel);
        // Each panel's largest value is drawn with the top colour of the scale.
        for (PanelBox box : layout.boxes()) {
            assertTrue(box.legend() != null);
            int top = Pixels.mode(img, box.cell(0, 1), 1);
            assertEquals(Palette.SIZE - 1, Pixels.palettePosition(Palette.VIRIDIS, top), box.data().title());
        }
        // Shared: the small panel's maximum is nearly the bottom colour.
        FigureLayout shared = FigureLayout.compute(grid, ChartOptions.defaults());
        assertTrue(shared.sharedLegend() != null);
        BufferedImage img2 = png(grid, ChartOptions.defaults());
        int smallMax = Pixels.mode(img2, shared.box(0, 0).cell(0, 1), 1);
        assertTrue(Pixels.palettePosition(Palette.VIRIDIS, smallMax) < 3);
        assertNotEquals(img.getWidth(), 0);
    }

    @Test
    void aFixedRangeOverridesTheData() {
        float[][] v = {{0.1f, 0.5f}}; // on a fixed [0, 1] scale 0.5 is mid-scale, not the top
        HeatmapGrid grid = single(v);
        ChartOptions fixed = ChartOptions.defaults().toBuilder().fixedRange(0, 1).build();
        BufferedImage img = png(grid, fixed);
        int mid = Pixels.mode(img, FigureLayout.compute(grid, fixed).box(0, 0).cell(0, 1), 1);
        assertEquals(128, Pixels.palettePosition(Palette.VIRIDIS, mid), 2);
        BufferedImage free = png(grid, ChartOptions.defaults());
        int top = Pixels.mode(free, FigureLayout.compute(grid, ChartOptions.defaults()).box(0, 0).cell(0, 1), 1);
        assertEquals(Palette.SIZE - 1, Pixels.palettePosition(Palette.VIRIDIS, top));
    }

    @Test
    void emptySlotsAndUnevenPanelsAreDrawn() {
        HeatmapPanelData a = HeatmapPanelData.of("class A", new float[][] {{0.1f, 0.2f, 0.3f}, {0.4f, 0.5f, 0.6f}},
                new String[] {"x", "y"}, new String[] {"p", "q", "r"});
        HeatmapPanelData b = HeatmapPanelData.of("class B", Matrix.of(4, 2, new float[] {1, 2, 3, 4, 5, 6, 7, 8}),
                null, null);
        HeatmapGrid grid = new HeatmapGrid("Facets", List.of(List.of(a), List.of(b, a)), "Position", "Dimension");
        assertEquals(2, grid.gridCols());
        BufferedImage img = png(grid, ChartOptions.defaults());
        assertTrue(img.getWidth() > 100 && img.getHeight() > 100);
        assertEquals(3, FigureLayout.compute(grid, ChartOptions.defaults()).boxes().size());
    }

    @Test
    void anEmptyGridIsJustItsTitle() {
        HeatmapGrid empty = new HeatmapGrid("Nothing extracted", List.of(), "", "");
        BufferedImage img = png(empty, ChartOptions.defaults());
        assertTrue(img.getWidth() > 50 && img.getHeight() > 10 && img.getHeight() < 60);
        assertTrue(Pixels.distinctColours(img) > 2, "the title is drawn");
    }

    static List<String> textElements(String svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertEquals("svg", doc.getDocumentElement().getLocalName());
        NodeList nodes = doc.getElementsByTagNameNS("*", "text");
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
    }
}
