package org.gtlens.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.gtlens.model.ModelException;

/** The one model-file reader: a sentence for every file that is not a readable model file, before any read. */
class ModelFileTest {

    @TempDir
    Path dir;

    private static String refusal(Path file) {
        return assertThrows(ModelException.class, () -> ModelFile.read(file)).getMessage();
    }

    @Test
    void missingFolderAndEmptyFilesAreNamed() throws Exception {
        assertEquals("Model file " + dir.resolve("no.onnx") + " does not exist.", refusal(dir.resolve("no.onnx")));
        assertEquals("Model file " + dir + " is a folder, not an ONNX file.", refusal(dir));
        Path empty = Files.createFile(dir.resolve("empty.onnx"));
        assertEquals("Model file " + empty + " is empty.", refusal(empty));
        Path ok = Files.write(dir.resolve("m.onnx"), new byte[] {1, 2, 3});
        assertArrayEquals(new byte[] {1, 2, 3}, ModelFile.read(ok));
        assertEquals("m.onnx", ModelFile.name(ok));
    }

    @Test
    void devicesPipesAndBrokenLinksAreRefusedWithoutReading() throws Exception {
        Path zero = Path.of("/dev/zero");
        Assumptions.assumeTrue(Files.exists(zero), "skipped: no /dev/zero on this system");
        // /dev/zero never ends and a pipe blocks: both must be refused at once, not read
        String m = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> refusal(zero));
        assertTrue(m.contains("is not a regular file"), m);
        Path link = Files.createSymbolicLink(dir.resolve("broken.onnx"), dir.resolve("gone.onnx"));
        assertTrue(refusal(link).contains("does not exist"), refusal(link));
        Path fifo = dir.resolve("fifo.onnx");
        Process p = new ProcessBuilder("mkfifo", fifo.toString()).start();
        Assumptions.assumeTrue(p.waitFor() == 0, "skipped: mkfifo is not available");
        m = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> refusal(fifo));
        assertTrue(m.contains("is not a regular file"), m);
    }
}
