package org.gtlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.gtlens.bench.ExtractionBenchmark;
import org.gtlens.runtime.GTransformer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Killing a running extract (as Ctrl-C does) leaves neither a half-written table nor a temporary file. */
class InterruptTest {

    @TempDir
    Path dir;

    @Test
    void interruptedExtractLeavesNoFiles() throws Exception {
        Path csv;
        try (GTransformer model = GTransformer.loadDefault(1)) {
            csv = ExtractionBenchmark.writeSequenceCsv(model.info(), 400_000, dir.resolve("in.csv"));
        }
        Path out = Files.createDirectory(dir.resolve("out"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                GtLens.class.getName(), "extract", "--input", csv.toString(), "--out", out.toString()))
                .redirectErrorStream(true).redirectOutput(dir.resolve("log.txt").toFile()).start();
        // wait until the run has started writing, then interrupt it
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && p.isAlive()) {
            try (var files = Files.list(out)) {
                if (files.anyMatch(f -> f.getFileName().toString().endsWith(".part"))) {
                    break;
                }
            }
            Thread.sleep(50);
        }
        assertTrue(p.isAlive(), "the run was still going when interrupted: " + Files.readString(dir.resolve("log.txt")));
        Thread.sleep(500);
        p.destroy(); // SIGTERM, which runs shutdown hooks like Ctrl-C does
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the run stopped");
        try (var files = Files.list(out)) {
            assertEquals(List.of(), files.map(f -> f.getFileName().toString()).toList(),
                    "no file left behind; log: " + Files.readString(dir.resolve("log.txt")));
        }
    }
}
