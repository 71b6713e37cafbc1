package org.gtlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * --summary has its own scope: head scores and lens statistics cover every block, head and position whatever the
 * tables select (with --blocks last --positions last the lens statistics would otherwise be zero by definition), per
 * sequence and per group alike.
 */
class SummaryScopeTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"--blocks last --positions last", "--heads 0", "--blocks 0 --heads 1 --positions 0-1",
        "--kinds out --positions last", "--aggregate mean --blocks last --positions last"})
    void summariesDoNotFollowTheSelection(String selection) throws Exception {
        List<String> base = List.of("extract", "--tokens", "4,5,5,5,4", "--tokens", "1,2,3", "--summary");
        boolean aggregate = selection.contains("--aggregate");
        Path all = dir.resolve("all");
        List<String> allArgs = new ArrayList<>(base);
        allArgs.addAll(List.of("--out", all.toString()));
        if (aggregate) {
            allArgs.addAll(List.of("--aggregate", "mean"));
        }
        assertEquals(0, CliRun.of(allArgs.toArray(String[]::new)).exit());
        Path selected = dir.resolve("selected");
        List<String> args = new ArrayList<>(base);
        args.addAll(List.of("--out", selected.toString()));
        args.addAll(List.of(selection.split(" ")));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertEquals(0, run.exit(), run.err());
        for (String table : List.of("head_scores.csv", "lens_stats.csv")) {
            assertEquals(Files.readString(all.resolve(table)), Files.readString(selected.resolve(table)),
                    table + " with " + selection);
        }
    }

    @Test
    void extractHelpListsEveryKindAndItsTrueDefault() {
        CliRun help = CliRun.of("extract", "--help");
        String kinds = help.out().substring(help.out().lastIndexOf("--kinds="));
        kinds = kinds.substring(0, kinds.indexOf("--batch="));
        assertTrue(kinds.contains("rollout"), kinds);
        assertFalse(kinds.contains("(default: all)"), kinds);
    }
}
