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
 * One rule for a selection that selects nothing, in every command: an empty list is a usage error (as an empty --out
 * is); positions that no sequence has stop the run with one sentence and no file; positions some sequences lack give
 * one warning line.
 */
class EmptySelectionTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "render --tokens 4,5 --positions 4 | 1 | --positions 4 selects no position of sequence 0, which has 2 tokens"
                + " (positions 0..1); nothing is drawn. | false",
        "extract --tokens 4,5 --positions 4 | 1 | --positions 4 selects no position of any of the 1 sequence (the "
                + "longest has 2 tokens); nothing is written. | false",
        "extract --tokens 4,5 --tokens 4,5,5,5,4 --tokens 4 --positions 4 | 0 | gtlens: warning: --positions 4 "
                + "selects no position of sequence 0, which has 2 tokens (positions 0..1), and of 1 more of the 3 "
                + "sequences | true",
        "extract --tokens 4,5 --blocks EMPTY | 2 | --blocks: an empty list selects nothing | false",
        "render --tokens 4,5 --heads EMPTY | 2 | --heads: an empty list selects nothing | false",
        "ablate --tokens 4,5 --blocks EMPTY | 2 | --blocks: an empty list selects nothing | false",
        "patch --clean 4,5 --corrupted 4,6 --positions EMPTY | 2 | --positions: an empty list selects nothing "
                + "| false",
        "patch --clean 4,5 --corrupted 4,6 --positions 4 | 1 | --positions 4 selects no position of any of the 1 "
                + "pair (the longest clean sequence has 2 tokens); nothing is written. | false",
        "patch --clean 4,5 --corrupted 4,6 --positions 4 --sites resid | 1 | --positions 4 selects no position of "
                + "any of the 1 pair | false"})
    void aSelectionOfNothingIsSaid(String command, int exit, String says, boolean written) throws Exception {
        Path out = dir.resolve("out");
        List<String> args = new ArrayList<>();
        for (String a : command.split(" ")) {
            args.add(a.equals("EMPTY") ? "" : a);
        }
        args.addAll(List.of("--out", out.toString()));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertEquals(exit, run.exit(), command + ": " + run.err());
        assertTrue(run.errorLine().contains(says), run.err());
        assertEquals(written, !Leftovers.files(out).isEmpty(), "files written: " + Leftovers.files(out));
    }
}
