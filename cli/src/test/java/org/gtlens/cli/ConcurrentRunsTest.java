package org.gtlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Two runs into one --out: while one writes there, every command that writes refuses the folder in one sentence naming
 * the process, instead of silently replacing (or mixing with) the other's files; once it has ended, the folder is free
 * and holds no lock file.
 */
class ConcurrentRunsTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} while extract writes")
    @ValueSource(strings = {"extract", "render", "demo", "ablate"})
    void aFolderAnotherRunWritesIsRefused(String second) throws Exception {
        Path csv = CliProcess.longSequenceCsv(dir);
        Path out = Files.createDirectory(dir.resolve("out"));
        Process first = CliProcess.start(dir, List.of(), "extract", "--input", csv.toString(), "--out",
                out.toString());
        try {
            CliProcess.awaitPartFiles(first, dir, out, 2);
            List<String> args = second.equals("demo") ? List.of("demo", "--out", out.toString())
                    : List.of(second, "--tokens", "4,5,5", "--out", out.toString());
            CliRun run = CliRun.of(args.toArray(String[]::new));
            assertEquals(1, run.exit(), run.err());
            assertEquals("gtlens: Output folder " + out + " is being written by another gtlens run (process "
                    + first.pid() + "); wait until it ends or choose another --out.", run.errorLine());
            assertTrue(first.isAlive(), "the first run goes on");
        } finally {
            first.destroy();
            assertTrue(first.waitFor(60, TimeUnit.SECONDS));
        }
        CliRun after = CliRun.of("extract", "--tokens", "4,5,5", "--out", out.toString());
        assertEquals(0, after.exit(), after.err());
        assertEquals(List.of("predictions.csv", "representations.csv"), Leftovers.files(out));
    }
}
