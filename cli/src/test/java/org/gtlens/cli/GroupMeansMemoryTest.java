package org.gtlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Group means hold one set of moments per group until the run ends: that state counts against --memory, and too many
 * groups stop the run with one sentence naming the groups and cells (and writing nothing) instead of filling the heap.
 */
class GroupMeansMemoryTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} groups, --memory {1}{2}")
    @CsvSource(delimiter = '|', value = {
        "5 | 1 | | 0 | ",
        "20000 | 64 | | 1 | Means over more than NUMBER groups of 430 cells each",
        "20000 | 64 | --summary | 1 | Means over more than NUMBER groups of 506 cells each",
        "20000 | 512 | | 0 | ",
        "3000 | 8 | --kinds attention | 0 | "})
    void groupStateIsBoundedByTheBudget(int groups, int memory, String more, int exit, String says)
            throws Exception {
        StringBuilder csv = new StringBuilder("class,seq\n");
        for (int i = 0; i < groups; i++) {
            csv.append("g").append(i).append(",\"4,5,5\"\n");
        }
        Path in = Files.writeString(dir.resolve("in.csv"), csv);
        Path out = dir.resolve("out");
        List<String> args = new ArrayList<>(List.of("extract", "--input", in.toString(), "--column", "seq",
                "--aggregate", "mean", "--group-column", "class", "--memory", Integer.toString(memory), "--out",
                out.toString()));
        if (more != null) {
            args.addAll(List.of(more.split(" ")));
        }
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertEquals(exit, run.exit(), run.err());
        if (says != null) {
            String line = run.errorLine();
            assertTrue(line.matches("gtlens: " + says.replace("NUMBER", "\\d+")
                    + " \\([0-9.]+ KB a group\\) do not fit in the memory budget of " + memory + " MB; raise --memory.*"), line);
            Leftovers.assertNone(out, "refused");
        }
    }
}
