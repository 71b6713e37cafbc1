package org.gtlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * render takes only the options it honours: --memory is checked as extract checks it and bounds the one sequence
 * (a sequence that needs more is refused, naming both sizes); the table-only --keep-masked and --top-k are not
 * options of a figure command.
 */
class RenderOptionsTest {

    @TempDir
    Path dir;

    static final String MID = "../models/mid/mid.onnx";
    static final String LONG = String.join(",", java.util.Collections.nCopies(8, "1,2,3,4,5,6,7,8"));

    @ParameterizedTest(name = "{0} -> exit {1}")
    @CsvSource(delimiter = '|', value = {
        "--memory 0 | 2 | --memory must be between 1 and",
        "--memory -5 | 2 | --memory must be between 1 and",
        "--memory 1 | 0 | ",
        "--memory 1 --model MID --tokens LONG | 1 | more than the memory budget of 1 MB per batch; raise --memory",
        "--memory 64 --model MID --tokens LONG | 0 | ",
        "--keep-masked | 2 | Unknown option: '--keep-masked'",
        "--top-k 2 | 2 | Unknown options: '--top-k'"})
    void optionsAreHonouredOrNotTaken(String options, int exit, String says) throws Exception {
        List<String> args = new ArrayList<>(List.of("render", "--out", dir.resolve("out").toString()));
        for (String o : options.split(" ")) {
            args.add(o.equals("MID") ? MID : o.equals("LONG") ? LONG : o);
        }
        if (!options.contains("--tokens")) {
            args.addAll(List.of("--tokens", "4,5,5"));
        }
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertEquals(exit, run.exit(), options + ": " + run.err());
        if (says != null) {
            assertTrue(run.errorLine().contains(says), run.err());
        }
    }
}
