package org.gtlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * demo, ablate and patch commit their tables and figures together: when a figure or a table cannot be put in place (a
 * folder of its name is in the way), no other file of the run appears either.
 */
class FiguresWithTablesTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "ablate --tokens 4,5,5 | head_ablation.png",
        "ablate --tokens 4,5,5 | ablation.csv",
        "patch --clean 4,5,5 --corrupted 4,6,6 | patching_head.png",
        "patch --clean 4,5,5 --corrupted 4,6,6 | pairs.csv",
        "demo | attention_maps.png",
        "demo | predictions.csv"})
    void aFileThatCannotBePutInPlaceTakesTheOthersWithIt(String command, String blocked) throws Exception {
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.createDirectory(out.resolve(blocked));
        List<String> args = new java.util.ArrayList<>(List.of(command.split(" ")));
        args.addAll(List.of("--out", out.toString()));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertEquals(1, run.exit(), run.err());
        assertTrue(run.errorLine().contains("cannot be put in place, so no output of this run is written"),
                run.err());
        assertEquals(List.of(), Leftovers.files(out), "no table without its figures, no figure without its tables");
    }
}
