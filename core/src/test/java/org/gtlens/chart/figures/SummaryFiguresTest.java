package org.gtlens.chart.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import org.gtlens.chart.layout.FigureLayout;
import org.gtlens.chart.layout.PanelBox;
import org.gtlens.chart.output.HeatmapRenderer;
import org.gtlens.model.Kind;
import org.gtlens.testing.Pixels;
import org.gtlens.testing.Synthetic;
import org.junit.jupiter.api.Test;

/**
 * The logit-lens figure (one block x position panel per statistic) of a long sequence is no thin strip, whatever the
 * depth; that of a short one keeps its two-by-two panels of square cells.
 */
class SummaryFiguresTest {

    /** Widest (and, turned, highest) a figure of long panels may be for its other side. */
    static final double MAX_ASPECT = 3;

    static Figure lensStats(int depth, int length) {
        Synthetic s = Synthetic.of(6, 3, depth, length, 10, 3);
        return SummaryFigures.lensStats(s.info, s.tokens, s.source(), s.matrix(Kind.LOGPROBS, depth - 1, 0));
    }

    @Test
    void aLongSequenceIsNoThinStrip() throws Exception {
        Path dir = Files.createDirectories(RepresentationFiguresTest.OUT.resolve("lens"));
        for (int[] shape : new int[][] {{2, 128}, {6, 128}, {12, 256}, {2, 64}, {6, 32}}) {
            Figure f = lensStats(shape[0], shape[1]);
            byte[] png = HeatmapRenderer.toPng(f.grid(), f.defaults());
            Files.write(dir.resolve("lens_" + shape[0] + "x" + shape[1] + ".png"), png);
            BufferedImage image = Pixels.decode(png);
            double aspect = (double) image.getWidth() / image.getHeight();
            String what = shape[0] + " blocks x " + shape[1] + " positions: " + image.getWidth() + " x "
                    + image.getHeight();
            assertTrue(aspect <= MAX_ASPECT && aspect >= 1 / MAX_ASPECT, what);
            assertTrue(Pixels.distinctColours(image) > 20, what + " is not blank");
        }
    }

    @Test
    void aShortSequenceKeepsTwoByTwoPanelsOfSquareCells() {
        for (int[] shape : new int[][] {{2, 5}, {3, 7}}) {
            Figure f = lensStats(shape[0], shape[1]);
            assertEquals(2, f.grid().gridRows());
            assertEquals(2, f.grid().gridCols());
            for (PanelBox box : FigureLayout.compute(f.grid(), f.defaults()).boxes()) {
                assertEquals(box.cellW(), box.cellH(), "square cells");
            }
        }
    }
}
