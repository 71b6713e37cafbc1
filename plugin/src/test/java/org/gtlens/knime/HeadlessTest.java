package org.gtlens.knime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * The five nodes configure and execute without a display, as on KNIME Business Hub executors and in batch runs:
 * in a JVM started with {@code java.awt.headless=true}, the Heatmap View's image included.
 */
class HeadlessTest {

    @Test
    void theNodesRunInAHeadlessJvm() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(List.of(java.toString(), "-Djava.awt.headless=true", "-cp",
            System.getProperty("java.class.path"), HeadlessMain.class.getName())).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), out);
        List<String> lines = out.lines().filter(l -> l.startsWith("HEADLESS ") || l.startsWith("IMAGE ") || l.startsWith("ABLATION ") || l.startsWith("PATCHING ")
            || l.startsWith("THROWN ")).toList();
        assertEquals(List.of("HEADLESS true", "IMAGE 800 x 600", "ABLATION IMAGE 800 x 600",
            "PATCHING IMAGE 800 x 600"), lines, out);
    }
}
