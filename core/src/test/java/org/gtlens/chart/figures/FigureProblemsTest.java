package org.gtlens.chart.figures;

import org.gtlens.chart.layout.PanelBox;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.gtlens.chart.data.HeatmapGrid;
import org.gtlens.chart.data.HeatmapPanelData;
import org.gtlens.chart.layout.FigureLayout;
import org.gtlens.chart.options.ChartOptions;
import org.gtlens.chart.output.HeatmapRenderer;
import org.gtlens.chart.layout.TickLabels;
import org.gtlens.testing.Pixels;

/**
 * Figures that used to come out wrong without a word (issue "Hostile input", class 7), one case per row: every panel
 * is drawn (no blank panel, whatever its shape), long labels are shortened instead of widening the figure, and value
 * labels asked for but impossible are reported by the layout so that callers can say so.
 */
class FigureProblemsTest {

    private static HeatmapPanelData panel(int rows, int cols, String[] colLabels) {
        return panel(rows, cols, null, colLabels);
    }

    private static HeatmapPanelData panel(int rows, int cols, String[] rowLabels, String[] colLabels) {
        float[][] v = new float[rows][cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                v[r][c] = (r * 31 + c * 17) % 97 / 97f;
            }
        }
        return HeatmapPanelData.of("p", v, rowLabels, colLabels);
    }

    private static HeatmapGrid grid(int gridRows, int gridCols, HeatmapPanelData p) {
        HeatmapPanelData[][] panels = new HeatmapPanelData[gridRows][gridCols];
        for (HeatmapPanelData[] row : panels) {
            Arrays.fill(row, p);
        }
        return HeatmapGrid.of("t", panels, "rows", "cols");
    }

    private static String[] longLabels(int n) {
        String[] l = new String[n];
        for (int i = 0; i < n; i++) {
            l[i] = i + ":" + "x".repeat(300);
        }
        return l;
    }

    static Stream<Arguments> cases() {
        return Stream.of(
            Arguments.of("one row of 300 cells (positions=last of a long sequence)", grid(1, 1, panel(1, 300, null)),
                ChartOptions.defaults()),
            Arguments.of("one column of 300 cells", grid(1, 1, panel(300, 1, null)), ChartOptions.defaults()),
            Arguments.of("12 x 8 panels of one row each", grid(12, 8, panel(1, 256, null)), ChartOptions.defaults()),
            Arguments.of("a fixed cell of 1 pixel", grid(2, 2, panel(3, 3, null)), ChartOptions.defaults()
                .toBuilder().cellSize(1).build()),
            Arguments.of("300-character vocabulary labels", grid(1, 2, panel(12, 4, longLabels(12), longLabels(4))),
                ChartOptions.defaults()),
            Arguments.of("labels on for 6 x 4 panels of 64 x 64", grid(6, 4, panel(64, 64, null)),
                ChartOptions.defaults().toBuilder().valueLabels(ChartOptions.LabelMode.ON).build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyPanelIsDrawnAndLabelsFit(String name, HeatmapGrid grid, ChartOptions options) {
        FigureLayout layout = FigureLayout.compute(grid, options);
        BufferedImage img = HeatmapRenderer.toImage(grid, options);
        assertTrue(img.getWidth() <= 6200 && img.getHeight() <= 6200, name + ": " + img.getWidth() + "x"
            + img.getHeight());
        for (PanelBox box : layout.boxes()) {
            Rectangle area = box.cellArea();
            assertTrue(area.width >= 11 && area.height >= 11, name + ": panel of " + area.width + "x" + area.height
                + " px, below JFreeChart's minimum plot size");
            int coloured = 0;
            int samples = 0;
            for (int y = area.y; y < area.y + area.height; y += Math.max(1, area.height / 8)) {
                for (int x = area.x; x < area.x + area.width; x += Math.max(1, area.width / 8)) {
                    samples++;
                    if (Pixels.rgb(img, x, y) != 0xffffff) {
                        coloured++;
                    }
                }
            }
            assertTrue(coloured > samples * 0.9, name + ": panel " + box.gridRow() + "," + box.gridCol()
                + " is blank (" + coloured + " of " + samples + " samples coloured)");
        }
        // long labels are cut, so the row-label margin stays small and the tooltip keeps the whole label
        if (name.startsWith("300")) {
            BufferedImage plain = HeatmapRenderer.toImage(grid(1, 2, panel(12, 4, null)), options);
            assertTrue(img.getWidth() <= plain.getWidth() + 300 && img.getHeight() <= plain.getHeight() + 200,
                name + ": " + img.getWidth() + "x" + img.getHeight() + " against " + plain.getWidth() + "x"
                    + plain.getHeight() + " with short labels");
            String svg = HeatmapRenderer.toSvg(grid, options);
            assertTrue(svg.contains("0:" + "x".repeat(TickLabels.MAX_CHARS - 3) + "\u2026"),
                "shortened label with an ellipsis");
            assertFalse(svg.contains("x".repeat(30)), "no full 300-character label in the figure");
            assertTrue(grid.panel(0, 0).rowLabels().get(0).length() > 300, "the data keeps the whole label");
        }
        if (name.startsWith("labels on")) {
            assertTrue(layout.labelsDropped(), name + ": cells of " + layout.boxes().get(0).cellW()
                + " px cannot hold values, and the layout says so");
        } else {
            assertFalse(layout.labelsDropped(), name);
        }
    }
}
