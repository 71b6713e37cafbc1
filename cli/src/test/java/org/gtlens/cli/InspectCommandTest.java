package org.gtlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gtlens.testing.Project;
import org.junit.jupiter.api.Test;

/** {@code gtlens inspect}: the summary of the built-in model and of a model file. */
class InspectCommandTest {

    @Test
    void inspectPrintsTheSummary() {
        CliRun run = CliRun.of("inspect");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("depth:       2") && run.out().contains("built-in example model"), run.out());
        run = CliRun.of("inspect", "--model", Project.models("second/second.onnx").toString());
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("depth:       3") && run.out().contains("scaling:     full"), run.out());
    }
}
