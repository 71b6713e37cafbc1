package org.gtlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;

import org.gtlens.testing.Project;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How much a run holds at once ({@code --batch}, {@code --memory}): a huge batch reserves nothing, a budget below one
 * sequence and a heap too small for the budget each end as one sentence without files.
 */
class BatchMemoryTest {

    @TempDir
    Path dir;

    /** A batch of a billion reserves nothing: the run takes what the input has. */
    @Test
    void aHugeBatchReservesNothing() throws Exception {
        Path out = dir.resolve("out");
        CliProcess run = CliProcess.run(dir, List.of("-Xmx48m"), "extract", "--tokens", "4,5,5,5,4", "--tokens",
                "1,2", "--batch", "1000000000", "--out", out.toString());
        assertEquals(0, run.exit(), run.err());
        assertEquals(List.of("predictions.csv", "representations.csv"), Leftovers.files(out));
    }

    @Test
    void aBudgetBelowOneSequenceFailsWithoutLeavingFiles() throws Exception {
        Path out = dir.resolve("tight");
        StringBuilder tokens = new StringBuilder();
        for (int i = 0; i < 64; i++) {
            tokens.append(i == 0 ? "" : ",").append(i);
        }
        CliRun run = CliRun.of("extract", "--model", Project.models("mid/mid.onnx").toString(), "--tokens",
                tokens.toString(), "--out", out.toString(), "--memory", "1");
        assertEquals(1, run.exit(), run.err());
        assertTrue(run.errorLine().startsWith("gtlens: One sequence of length 64 needs 4.3 MB (its selected outputs"),
                run.errorLine());
        assertTrue(run.errorLine().endsWith("raise --memory, select fewer kinds or blocks, or use shorter sequences."), run.errorLine());
        try (var files = Files.list(out)) {
            assertEquals(0, files.count(), "no file, not even a temporary one, is left");
        }
    }

    @Test
    void aZeroBatchOrBudgetIsAUsageErrorNamingIt() {
        Path out = dir.resolve("bad");
        for (String[] args : new String[][] {
            {"--memory", "0", "--memory must be between 1 and"},
            {"--batch", "0", "--batch must be at least 1, got 0."}}) {
            CliRun run = CliRun.of("extract", "--tokens", "4,5,5,5,4", "--out", out.toString(), args[0], args[1]);
            assertEquals(2, run.exit(), String.join(" ", args) + ": " + run.err());
            assertTrue(run.errorLine().contains(args[2]), run.errorLine());
        }
    }

    /** A budget of 4000 MB in a heap of 64 MB: Java runs out of memory, said in one sentence naming model and input. */
    @Test
    void runningOutOfJavaMemoryIsOneSentence() throws Exception {
        Path out = dir.resolve("out");
        Path mid = Project.models("mid/mid.onnx");
        Path csv = dir.resolve("long.csv");
        String row = "\"" + String.join(",", Collections.nCopies(64, "3")) + "\"\n";
        Files.writeString(csv, "tokens\n" + row.repeat(400));
        CliProcess run = CliProcess.run(dir, List.of("-Xmx64m"), "extract", "--model", mid.toString(), "--input",
                csv.toString(), "--memory", "4000", "--batch", "400", "--out", out.toString());
        run.assertOneSentence("out of memory", "Java ran out of memory running model " + mid + " on " + csv);
        Leftovers.assertNone(out, "out of memory");
    }
}
