package org.gtlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.gtlens.model.ModelInfo;
import org.gtlens.runtime.GTransformer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * bench bounds what it writes whatever the model (the heap probe's table at most 2 GB), checks the disk's free space
 * before a step that writes, and reports a child JVM's failure as one line.
 */
class BenchBoundsTest {

    @ParameterizedTest(name = "{0}: {1} sequences asked")
    @CsvSource({"built-in, 1000000", "../models/mid/mid.onnx, 1000000", "../models/second/second.onnx, 1000000",
        "../models/mid/mid.onnx, 10"})
    void theHeapProbeTableIsBounded(String model, int asked) throws Exception {
        try (GTransformer m = model.equals("built-in") ? GTransformer.loadDefault(1)
                : GTransformer.load(Path.of(model), 1)) {
            ModelInfo info = m.info();
            int n = BenchLimits.boundedSequences(info, asked);
            assertTrue(n >= 1 && n <= asked, "n " + n);
            assertTrue(BenchLimits.heapTableBytes(info, n) <= BenchLimits.MAX_TABLE_BYTES,
                    model + ": " + BenchLimits.heapTableBytes(info, n) + " bytes");
            if (BenchLimits.heapTableBytes(info, asked) <= BenchLimits.MAX_TABLE_BYTES) {
                assertEquals(asked, n, "what fits is run as asked");
            }
        }
    }

    @Test
    void aStepThatDoesNotFitTheDiskIsSkippedWithASentence() {
        Path tmp = Path.of("/tmp/x");
        assertNull(BenchLimits.spaceProblem(tmp, 1L << 30, 10L << 30));
        assertEquals("skipped: it writes about 4096 MB into /tmp/x, whose disk has 1024 MB free (256 MB are kept "
                + "spare); set -Djava.io.tmpdir to a larger disk through GTLENS_JAVA_OPTS.",
                BenchLimits.spaceProblem(tmp, 4L << 30, 1L << 30));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "Exception in thread \"main\" java.io.IOException: No space left on device\\n\\tat java.base/x.y(Z.java:1)"
                + " | the heap probe failed (exit 1): No space left on device",
        "Exception in thread \"main\" java.lang.OutOfMemoryError: Java heap space\\n\\tat a.b(C.java:2)"
                + " | the heap probe failed (exit 1): Java heap space",
        " | the heap probe failed (exit 1)"})
    void aChildFailureIsOneLine(String stderr, String says) {
        String line = BenchWorkspace.childFailure("heap", 1, stderr == null ? "" : stderr.replace("\\n", "\n")
                .replace("\\t", "\t"));
        assertEquals(says, line);
    }

    /** The causal benchmarks run at the length asked (former's size at full length takes hours with PyTorch). */
    @Test
    void theCausalBenchmarksRunAtTheLengthAsked() throws Exception {
        try (GTransformer m = GTransformer.loadDefault(1)) {
            com.google.gson.JsonObject r = new org.gtlens.bench.CausalBenchmark(m, 64L << 20, 3).report(null, null, 1,
                    true);
            assertEquals(3, r.get("length").getAsInt(), r.toString());
            // both ran and reported a time (a run of 3 tokens may round to 0.0 s: no bound on the clock)
            assertTrue(r.get("ablation_seq_per_s").getAsDouble() >= 0 && r.get("patching_s").getAsDouble() >= 0,
                    r.toString());
        }
        CliRun run = CliRun.of("bench", "--quick", "--no-python", "--causal-length", "9");
        assertEquals(2, run.exit(), run.err());
        assertTrue(run.err().contains("--causal-length must be between 1 and the model's t (5), got 9."), run.err());
    }
}
