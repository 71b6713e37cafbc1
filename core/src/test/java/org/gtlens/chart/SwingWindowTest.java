package org.gtlens.chart;

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

/**
 * HeatmapPanel in a real JFrame on a real (virtual) X display. Surefire runs tests headless, so the window lives in
 * a child JVM on a private Xvfb server started here; the test then inspects the screenshot it wrote. Skipped, with
 * the reason, when Xvfb or the JDK's X11 toolkit is missing.
 */
class SwingWindowTest {

    static final Path OUT = Path.of("target", "chart-swing");

    private static Path xvfb() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
            Path p = Path.of(dir, "Xvfb");
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        Path p = Path.of("/usr/bin/Xvfb");
        return Files.isExecutable(p) ? p : null;
    }

    @Test
    void panelInAFrameIsDrawnOnScreen() throws Exception {
        Path javaHome = Path.of(System.getProperty("java.home"));
        Assumptions.assumeTrue(Files.exists(javaHome.resolve("lib/libawt_xawt.so")),
                "skipped: this JDK (" + javaHome + ") has no X11 toolkit (a headless JRE, e.g. openjdk-17-jre-headless"
                        + " without openjdk-17-jre)");
        Files.createDirectories(OUT);
        Path xvfb = xvfb();
        String existing = System.getenv("DISPLAY");
        Assumptions.assumeTrue(xvfb != null || existing != null && !existing.isBlank(),
                "skipped: Xvfb is not installed (Debian package xvfb) and there is no DISPLAY");
        // A private Xvfb on a free display number (-displayfd), so parallel builds do not collide; an existing
        // DISPLAY is used only when Xvfb is missing.
        Process server = xvfb == null ? null
                : new ProcessBuilder(xvfb.toString(), "-displayfd", "1", "-screen", "0", "1280x1024x24", "-nolisten",
                        "tcp").redirectError(OUT.resolve("xvfb.log").toFile()).start();
        try {
            String display = server == null ? existing : readDisplayNumber(server);
            if (display == null) {
                throw new AssertionError("Xvfb is installed but did not start: " + Files.readString(OUT.resolve("xvfb.log")));
            }
            if (server != null) {
                display = ":" + display;
            }
            Path java = javaHome.resolve("bin/java");
            List<String> cmd = new ArrayList<>(List.of(java.toString(), "-Djava.awt.headless=false",
                    "-cp", System.getProperty("java.class.path"), SwingScreenshotMain.class.getName(),
                    OUT.toAbsolutePath().toString()));
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(OUT.resolve("child.log").toFile());
            pb.environment().put("DISPLAY", display);
            Process child = pb.start();
            boolean done = child.waitFor(90, TimeUnit.SECONDS);
            if (!done) {
                child.destroyForcibly();
            }
            String log = Files.readString(OUT.resolve("child.log"));
            assertTrue(done, "the window program finished in time; log:\n" + log);
            assertEquals(0, child.exitValue(), "the window program failed; log:\n" + log);

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
        } finally {
            if (server != null) {
                server.destroy();
                if (!server.waitFor(5, TimeUnit.SECONDS)) {
                    server.destroyForcibly();
                }
            }
        }
    }

    /** Xvfb writes its display number on the descriptor given to -displayfd (here stdout) once it is ready. */
    private static String readDisplayNumber(Process server) throws IOException, InterruptedException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(server.getInputStream(),
                StandardCharsets.US_ASCII));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (reader.ready()) {
                String line = reader.readLine();
                return line == null || line.isBlank() ? null : line.trim();
            }
            if (!server.isAlive()) {
                return null;
            }
            Thread.sleep(50);
        }
        return null;
    }
}
