package org.gtlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import javax.imageio.ImageIO;

import org.gtlens.testing.Xvfb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gtlens view}: a window on a (virtual) display, and one sentence where there is none. */
class ViewCommandTest {

    @TempDir
    Path dir;

    @Test
    void withoutADisplayItSaysSoAndPointsToRender() {
        CliRun run = CliRun.of("view", "--tokens", "4,5,5,5,4");
        assertEquals(1, run.exit(), run.err());
        assertEquals("gtlens: view needs a display and there is none (DISPLAY is not set, or Java runs headless); "
                + "'gtlens render' writes the same figures to files.", run.err().strip());
    }

    /**
     * Through the launcher ({@code ./gtlens}, which starts Java headless for every other command): view opens its
     * window on the display. The launcher runs the test's class path (GTLENS_CLASSPATH) instead of building its jar.
     */
    @Test
    void opensThroughTheLauncher() throws Exception {
        Path shot = dir.resolve("launcher.png");
        Path launcher = Path.of("..", "gtlens").toAbsolutePath().normalize();
        String javaBin = Path.of(System.getProperty("java.home"), "bin").toString();
        Xvfb.Result r = Xvfb.runCommand(dir.resolve("xvfb"), display -> java.util.List.of("/usr/bin/env",
                "GTLENS_CLASSPATH=" + System.getProperty("java.class.path"),
                "PATH=" + javaBin + java.io.File.pathSeparator + System.getenv().getOrDefault("PATH", "/usr/bin"),
                "bash", launcher.toString(), "view", "--tokens", "4,5,5,5,4", "--snapshot", shot.toString()));
        assertEquals(0, r.exitCode(), r.log());
        BufferedImage img = ImageIO.read(shot.toFile());
        assertNotNull(img, r.log());
        assertTrue(img.getWidth() >= 1000, img.getWidth() + "x" + img.getHeight());
    }

    @Test
    void opensTheExplorerOnTheDefaultModel() throws Exception {
        Path shot = dir.resolve("view.png");
        Xvfb.Result r = Xvfb.run(dir.resolve("xvfb"), GtLens.class.getName(), "view", "--tokens", "4,5,5,5,4",
                "--tokens", "4,4,5", "--snapshot", shot.toString());
        assertEquals(0, r.exitCode(), r.log());
        BufferedImage img = ImageIO.read(shot.toFile());
        assertNotNull(img, r.log());
        assertTrue(img.getWidth() >= 1000 && img.getHeight() >= 700, img.getWidth() + "x" + img.getHeight());
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 3) {
            for (int x = 0; x < img.getWidth(); x += 3) {
                colours.add(img.getRGB(x, y) & 0xffffff);
            }
        }
        assertTrue(colours.size() > 50, "pickers and a figure are drawn, not a blank window: " + colours.size());
    }
}
