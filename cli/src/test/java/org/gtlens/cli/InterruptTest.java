package org.gtlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One interrupt protocol for every command that writes files: killing a run (SIGTERM, which runs the shutdown hooks as
 * Ctrl-C does) leaves neither a half-written file, nor a temporary {@code .part} file, nor a temporary folder. Each
 * signal follows an event of the run (its temporary files appearing), not a time.
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

    /**
     * The figure commands, held (a test-only property) with every figure (and demo's two tables) written as a
     * temporary file and none committed: the signal then comes at the one moment a figure run has {@code .part} files.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"render, 6", "demo, 8"})
    void interruptedFigureRunLeavesNoFiles(String command, int files) throws Exception {
        Path out = Files.createDirectory(dir.resolve("out"));
        List<String> args = new ArrayList<>(List.of(command, "--out", out.toString()));
        if (command.equals("render")) {
            args.addAll(List.of("--tokens", "4,5,5,5,4"));
        }
        Process p = CliProcess.start(dir, List.of("-D" + FigureWriter.HOLD_PROPERTY + "=600000"),
                args.toArray(String[]::new));
        CliProcess.awaitPartFiles(p, dir, out, files);
        p.destroy();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the run stopped");
        Leftovers.assertNone(out, command + "; stderr: " + Files.readString(dir.resolve("stderr.txt")));
    }

    /** bench's temporary folder (with its long CSVs) goes with an interrupted run, as does its child JVM. */
    @Test
    void interruptedBenchLeavesNoTemporaryFolder() throws Exception {
        Path tmp = Files.createDirectory(dir.resolve("tmp"));
        Process p = CliProcess.start(dir, List.of("-Djava.io.tmpdir=" + tmp), "bench", "--quick", "--no-python");
        long bound = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (benchFiles(tmp).isEmpty()) {
            assertTrue(p.isAlive(), "bench ended before it wrote a temporary file: "
                    + Files.readString(dir.resolve("stderr.txt")));
            assertTrue(System.nanoTime() < bound, "no temporary file of bench after ten minutes");
            Thread.sleep(20);
        }
        p.destroy();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the run stopped");
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(List.of(), s.map(f -> f.getFileName().toString()).filter(n -> n.startsWith("gtlens-bench"))
                    .toList(), "no temporary folder of bench left; stderr: "
                            + Files.readString(dir.resolve("stderr.txt")));
        }
    }

    /** The files in bench's temporary folders below {@code tmp}. */
    private static List<Path> benchFiles(Path tmp) throws Exception {
        try (Stream<Path> s = Files.walk(tmp)) {
            return s.filter(f -> Files.isRegularFile(f) && tmp.relativize(f).toString().startsWith("gtlens-bench"))
                    .toList();
        } catch (java.io.UncheckedIOException e) {
            return List.of(); // a file vanished during the walk
        }
    }
}
