package org.gtlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Killing a running extract (as Ctrl-C does) leaves neither a half-written table nor a temporary file. The signal
 * follows the run's two temporary tables appearing (the shutdown hook is in place before any table is opened, and
 * both are open once the extraction runs), not a time.
 */
class InterruptTest {

    @TempDir
    Path dir;

    @Test
    void interruptedExtractLeavesNoFiles() throws Exception {
        Path csv = CliProcess.longSequenceCsv(dir);
        Path out = Files.createDirectory(dir.resolve("out"));
        Process p = CliProcess.start(dir, List.of(), "extract", "--input", csv.toString(), "--out", out.toString());
        CliProcess.awaitPartFiles(p, dir, out, 2);
        assertTrue(p.isAlive(), "the run was still going when interrupted: "
                + Files.readString(dir.resolve("stderr.txt")));
        p.destroy(); // SIGTERM, which runs shutdown hooks like Ctrl-C does
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the run stopped");
        try (var files = Files.list(out)) {
            assertEquals(List.of(), files.map(f -> f.getFileName().toString()).toList(),
                    "no file left behind; stderr: " + Files.readString(dir.resolve("stderr.txt")));
        }
    }
}
