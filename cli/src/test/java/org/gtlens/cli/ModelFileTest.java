package org.gtlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file given as {@code --model}: one line for a file that is missing or no ONNX model, and a model scanned through
 * a memory map, so that a file of zeros is refused at its first byte without being read into the heap.
 */
class ModelFileTest {

    @TempDir
    Path dir;

    @Test
    void missingOrNonOnnxFileGivesOneLine() throws Exception {
        CliRun noModel = CliRun.of("inspect", "--model", dir.resolve("missing.onnx").toString());
        assertEquals(1, noModel.exit());
        assertTrue(noModel.errorLine().contains("missing.onnx does not exist"), noModel.err());

        Path text = Files.writeString(dir.resolve("fake.onnx"), "hello");
        CliRun notOnnx = CliRun.of("inspect", "--model", text.toString());
        assertEquals(1, notOnnx.exit());
        assertTrue(notOnnx.errorLine().contains("fake.onnx") && notOnnx.errorLine().contains("not an ONNX model"),
                notOnnx.err());
    }

    /** In a JVM of 64 MB: reading the file into the heap would need far more. */
    @Test
    void aGigabyteOfZerosIsRefusedAtItsFirstByteWithinASmallHeap() throws Exception {
        String name = "a model of 1 GB of zeros";
        Path out = dir.resolve("out");
        Path zeros = dir.resolve("zeros.onnx");
        try (var f = new RandomAccessFile(zeros.toFile(), "rw")) {
            f.setLength(1L << 30); // sparse: takes no disk
        }
        CliProcess run = CliProcess.run(dir, List.of("-Xmx64m"), "extract", "--out", out.toString(), "--model",
                zeros.toString(), "--tokens", "4,5");
        assertEquals(1, run.exit(), name + ": " + run.err());
        assertTrue(run.errorLine().contains("is not an ONNX model (field number 0 at byte 0"),
                name + ": " + run.errorLine());
        Leftovers.assertNone(out, name);
    }
}
