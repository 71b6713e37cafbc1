package org.gtlens.chart.swing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.gtlens.testing.Pixels;

/**
 * HeatmapPanel in a real JFrame on a real (virtual) X display. Surefire runs tests headless, so the window lives in
 * a child JVM on a private Xvfb server started here; the test then inspects the screenshot it wrote. Skipped, with
 * the reason, when Xvfb or the JDK's X11 toolkit is missing.
 */
class SwingWindowTest {

    static final Path OUT = Path.of("target", "chart-swing");

    @Test
    void panelInAFrameIsDrawnOnScreen() throws Exception {
        org.gtlens.testing.Xvfb.Result run = org.gtlens.testing.Xvfb.run(OUT, SwingScreenshotMain.class.getName(),
                OUT.toAbsolutePath().toString());
        assertTrue(run.exitCode() >= 0, "the window program finished in time; log:\n" + run.log());
        assertEquals(0, run.exitCode(), "the window program failed; log:\n" + run.log());
        {
            BufferedImage screen = ImageIO.read(OUT.resolve("screen.png").toFile());
            BufferedImage painted = ImageIO.read(OUT.resolve("painted.png").toFile());
            for (BufferedImage img : new BufferedImage[] {screen, painted}) {
                assertTrue(img.getWidth() > 800 && img.getHeight() > 500, "frame content was resized");
                assertTrue(Pixels.distinctColours(img) > 30, "the window is not blank");
                long nonWhite = 0;
                for (int y = 0; y < img.getHeight(); y += 3) {
                    for (int x = 0; x < img.getWidth(); x += 3) {
                        if (Pixels.rgb(img, x, y) != 0xffffff) {
                            nonWhite++;
                        }
                    }
                }
                double share = nonWhite / ((img.getWidth() / 3.0) * (img.getHeight() / 3.0));
                assertTrue(share > 0.4, "heatmap cells fill the window (" + share + ")");
            }
            // The screen shows what the component paints (allowing for a few differing pixels).
            int same = 0;
            int total = 0;
            for (int y = 0; y < screen.getHeight(); y += 4) {
                for (int x = 0; x < screen.getWidth(); x += 4) {
                    total++;
                    if (Pixels.distance(Pixels.rgb(screen, x, y), Pixels.rgb(painted, x, y)) < 100) {
                        same++;
                    }
                }
            }
            assertTrue(same > 0.95 * total, "screen matches the painted component: " + same + "/" + total);
            String tooltip = Files.readString(OUT.resolve("tooltip.txt"), StandardCharsets.UTF_8);
            assertTrue(tooltip.contains("Block 0 · Head 1") && tooltip.contains("Out 2: ") && tooltip.contains("In 1: "),
                    tooltip);
            assertTrue(tooltip.contains("layout " + screen.getWidth() + "x" + screen.getHeight()),
                    "layout fits the realized panel: " + tooltip);
        }
    }
}
