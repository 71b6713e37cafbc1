package org.gtlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.gtlens.bench.ExtractionBenchmark;
import org.gtlens.runtime.GTransformer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 16, class 2: a run's tables appear together or not at all (when one cannot be put in place, those already
 * moved are rolled back and earlier tables of the same names stay as they were), and temporary files of killed runs,
 * of every table, are swept by the next run.
 */
class LeftBehindTest {

    @TempDir
    Path dir;

    static final List<String> TABLES = List.of("representations.csv", "predictions.csv", "head_scores.csv",
            "lens_stats.csv");

    static Stream<Arguments> blocked() {
        return TABLES.stream().map(Arguments::of);
    }

    /** A folder in the way of one table: the run fails naming it, and no table of it appears. */
    @ParameterizedTest(name = "{0} blocked")
    @MethodSource("blocked")
    void oneTableThatCannotBePutInPlaceLeavesNone(String table) throws Exception {
        Path out = Files.createDirectory(dir.resolve("out"));
        Files.createDirectories(out.resolve(table).resolve("inside"));
        Files.writeString(out.resolve(table).resolve("inside").resolve("keep.txt"), "x");
        CliRun run = CliRun.of("extract", "--tokens", "4,5,5,5,4", "--out", out.toString(), "--summary");
        assertEquals(1, run.exit(), run.err());
        assertEquals("gtlens: Output file " + out.resolve(table) + " cannot be put in place, so no output of this "
                + "run is written: a folder of that name is in the way.", run.errorLine());
        assertEquals(List.of(table + "/inside/keep.txt"), Leftovers.files(out), "only what was there");
    }

    /** Tables of an earlier run stay as they were when a later run cannot put its last one in place. */
    @Test
    void aFailedCommitRestoresTheEarlierTables() throws Exception {
        Path out = dir.resolve("out");
        assertEquals(0, CliRun.of("extract", "--tokens", "4,5,5,5,4", "--out", out.toString()).exit());
        String repr = Files.readString(out.resolve("representations.csv"));
        String pred = Files.readString(out.resolve("predictions.csv"));
        Files.createDirectories(out.resolve("lens_stats.csv").resolve("x"));
        CliRun run = CliRun.of("extract", "--tokens", "1,2,3", "--out", out.toString(), "--summary");
        assertEquals(1, run.exit(), run.err());
        assertEquals(repr, Files.readString(out.resolve("representations.csv")));
        assertEquals(pred, Files.readString(out.resolve("predictions.csv")));
        assertEquals(List.of("predictions.csv", "representations.csv"), Leftovers.files(out).stream()
                .filter(f -> !f.contains("/")).toList(), "no head scores and no temporary file");
    }

    static Stream<Arguments> stale() {
        List<Arguments> cases = new ArrayList<>();
        for (String table : TABLES) {
            cases.add(Arguments.of(List.of("extract", "--tokens", "4,5,5,5,4", "--summary"), table));
        }
        cases.add(Arguments.of(List.of("demo"), "representations.csv"));
        cases.add(Arguments.of(List.of("demo"), "predictions.csv"));
        return cases.stream();
    }

    /** A dead run's temporary file of each table is swept; a living process's is not touched. */
    @ParameterizedTest(name = "{1} after {0}")
    @MethodSource("stale")
    void temporaryFilesOfDeadRunsAreSwept(List<String> command, String table) throws Exception {
        Path out = Files.createDirectory(dir.resolve("out"));
        Process dead = new ProcessBuilder("true").start();
        dead.waitFor();
        Path stale = Files.writeString(out.resolve("." + table + "." + dead.pid() + ".0123abcd.part"), "half");
        long living = ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(1L);
        Path alive = Files.writeString(out.resolve("." + table + "." + living + ".0123abcd.part"), "busy");
        List<String> args = new ArrayList<>(command);
        args.addAll(List.of("--out", out.toString()));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertEquals(0, run.exit(), run.err());
        assertTrue(!Files.exists(stale), "swept: " + stale);
        assertTrue(Files.exists(alive), "a living process's file stays");
    }

    /** kill -9 in the middle of a run: the next run into the same folder removes what it left. */
    @Test
    void whatAKilledRunLeftIsSweptByTheNext() throws Exception {
        Path csv;
        try (GTransformer model = GTransformer.loadDefault(1)) {
            csv = ExtractionBenchmark.writeSequenceCsv(model.info(), 400_000, dir.resolve("in.csv"));
        }
        Path out = Files.createDirectory(dir.resolve("out"));
        Process p = CliProcess.start(dir, List.of(), "extract", "--input", csv.toString(), "--out", out.toString(),
                "--summary");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && p.isAlive() && partFiles(out) < 4) {
            Thread.sleep(20);
        }
        assertTrue(p.isAlive(), "the run was still going: " + Files.readString(dir.resolve("stderr.txt")));
        p.destroyForcibly(); // SIGKILL: no shutdown hook runs
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(4, partFiles(out), "a killed run leaves its four temporary tables");
        CliRun next = CliRun.of("extract", "--tokens", "4,5", "--out", out.toString());
        assertEquals(0, next.exit(), next.err());
        assertEquals(List.of("predictions.csv", "representations.csv"), Leftovers.files(out));
    }

    private static long partFiles(Path out) throws Exception {
        try (var files = Files.list(out)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".part")).count();
        }
    }
}
