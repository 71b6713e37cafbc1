package org.gtlens.chart.color;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;

import org.junit.jupiter.api.Test;
import org.gtlens.chart.data.HeatmapGrid;
import org.gtlens.chart.data.HeatmapPanelData;
import org.gtlens.chart.layout.FigureLayout;
import org.gtlens.chart.options.ChartOptions;
import org.gtlens.chart.options.Palette;
import org.gtlens.chart.output.HeatmapRenderer;
import org.gtlens.testing.Pixels;

/**
 * The colour scales on known matrices, read back from the drawn pixels: the diverging ramp's centre colour at 0, the
 * log scale's equal steps per decade, the row scale's per-row maximum, and the fall-back to linear for signed data.
 */
class ValueScaleTest {

    private static HeatmapGrid single(float[][] values) {
        return HeatmapGrid.of("t", new HeatmapPanelData[][] {{HeatmapPanelData.of("p", values, null, null)}}, "", "");
    }

    /** The colour drawn in cell (row, col) (the most frequent one, value labels aside). */
    private static int colour(float[][] values, ChartOptions options, int row, int col) {
        HeatmapGrid grid = single(values);
        ChartOptions o = options.toBuilder().valueLabels(ChartOptions.LabelMode.OFF).build();
        BufferedImage img = HeatmapRenderer.toImage(grid, o);
        return Pixels.mode(img, FigureLayout.compute(grid, o).box(0, 0).cell(row, col), 1);
    }

    private static void near(int expected, int actual, String what) {
        assertTrue(Pixels.distance(expected, actual) <= 6, what + ": expected " + Integer.toHexString(expected)
                + ", drawn " + Integer.toHexString(actual));
    }

    @Test
    void zeroIsTheDivergingCentre() {
        float[][] v = {{-3f, 0f, 1f}};
        ChartOptions o = ChartOptions.defaults().toBuilder().palette(ChartOptions.PaletteFamily.DIVERGING).build();
        near(Palette.BLUE_RED.rgb(0.5), colour(v, o, 0, 1), "0 on a diverging scale");
        near(0xf7f7f7, colour(v, o, 0, 1), "the ramp's white centre");
        near(Palette.BLUE_RED.rgb(0.0), colour(v, o, 0, 0), "-3, the largest magnitude, at the blue end");
        near(Palette.BLUE_RED.rgb(0.5 + 1 / 6.0), colour(v, o, 0, 2), "1 is a third of the way to red");
    }

    @Test
    void logScaleGivesEachDecadeAnEqualStep() {
        float[][] v = {{0.001f, 0.01f, 0.1f, 1f}};
        ChartOptions log = ChartOptions.defaults().toBuilder().palette(ChartOptions.PaletteFamily.SEQUENTIAL)
                .valueScale(ChartOptions.ValueScale.LOG).build();
        for (int c = 0; c < 4; c++) {
            near(Palette.VIRIDIS.rgb(c / 3.0), colour(v, log, 0, c), "decade " + c);
        }
        ChartOptions linear = ChartOptions.defaults().toBuilder().palette(ChartOptions.PaletteFamily.SEQUENTIAL).build();
        near(Palette.VIRIDIS.rgb(0.01), colour(v, linear, 0, 1), "linear: 0.01 is near the bottom");
        assertEquals(ChartOptions.ValueScale.LOG, FigureLayout.compute(single(v), log).mapping().valueScale());
    }

    @Test
    void rowScaleDividesEachRowByItsLargestValue() {
        float[][] v = {{1f, 2f}, {10f, 20f}, {0f, 0f}};
        ChartOptions row = ChartOptions.defaults().toBuilder().valueScale(ChartOptions.ValueScale.ROW).build();
        near(Palette.VIRIDIS.rgb(1), colour(v, row, 0, 1), "row 0's maximum");
        near(Palette.VIRIDIS.rgb(1), colour(v, row, 1, 1), "row 1's maximum, ten times larger, same colour");
        near(Palette.VIRIDIS.rgb(0.5), colour(v, row, 0, 0), "half of row 0's maximum");
        near(Palette.VIRIDIS.rgb(0.5), colour(v, row, 1, 0), "half of row 1's maximum");
        near(Palette.VIRIDIS.rgb(0), colour(v, row, 2, 0), "a row of zeros stays at the bottom");
        ChartOptions linear = ChartOptions.defaults();
        near(Palette.VIRIDIS.rgb(0.1), colour(v, linear, 0, 1), "linear: 2 of 20");
    }

    @Test
    void logFallsBackToLinearForSignedValues() {
        float[][] v = {{-1f, 0.5f, 2f}};
        ChartOptions log = ChartOptions.defaults().toBuilder().valueScale(ChartOptions.ValueScale.LOG).build();
        FigureLayout layout = FigureLayout.compute(single(v), log);
        assertEquals(ChartOptions.ValueScale.LINEAR, layout.mapping().valueScale());
        assertEquals("", layout.mapping().legendLabel(), "a linear legend has no scale title");
        assertEquals("log scale", FigureLayout.compute(single(new float[][] {{0.1f, 1f}}), log).mapping()
                .legendLabel());
    }

    @Test
    void logScalesCutAtSixDecades() {
        ColorScale s = ColorScale.fitLog(Palette.VIRIDIS, 1e-30, 1);
        assertEquals(1e-6, s.lo(), 1e-12);
        assertEquals(0, s.position(1e-9));
        assertEquals(0.5, s.position(1e-3), 1e-9);
    }
}
