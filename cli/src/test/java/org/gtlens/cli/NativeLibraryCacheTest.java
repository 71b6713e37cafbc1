package org.gtlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ONNX Runtime's native libraries are unpacked once into the command line's cache folder and loaded from there: runs
 * leave no {@code onnxruntime-java<digits>} folder in the temporary folder, and a second run adds nothing anywhere.
 */
class NativeLibraryCacheTest {

    @TempDir
    Path dir;

    @Test
    void runsLeaveNoTemporaryFoldersAndTheCacheDoesNotGrow() throws Exception {
        Path tmp = Files.createDirectory(dir.resolve("tmp"));
        Path cache = dir.resolve("cache");
        Map<String, String> env = Map.of("XDG_CACHE_HOME", cache.toString());
        List<String> jvm = List.of("-Djava.io.tmpdir=" + tmp, "-Djava.awt.headless=true");
        CliProcess first = CliProcess.finishFor(dir, CliProcess.start(dir, env, jvm, "inspect"));
        assertEquals(0, first.exit(), first.err());
        List<String> afterFirst = tree(dir.resolve("cache"));
        assertEquals(List.of(), tree(tmp), "nothing left in the temporary folder");
        assertTrue(afterFirst.stream().anyMatch(f -> f.matches("gtlens/onnxruntime-.*-[0-9a-f]{8}/"
                + System.mapLibraryName("onnxruntime"))), "the libraries are in the cache: " + afterFirst);
        CliProcess second = CliProcess.finishFor(dir, CliProcess.start(dir, env, jvm, "extract", "--tokens", "4,5",
                "--out", dir.resolve("out").toString()));
        assertEquals(0, second.exit(), second.err());
        assertEquals(List.of(), tree(tmp), "nothing left in the temporary folder by a second run");
        assertEquals(afterFirst, tree(cache), "the cache does not grow");
    }

    /** Every file and folder below {@code root}, relative, sorted. */
    private static List<String> tree(Path root) throws Exception {
        if (!Files.exists(root)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> !p.equals(root)).map(p -> root.relativize(p).toString().replace('\\', '/')).sorted()
                    .toList();
        }
    }
}
