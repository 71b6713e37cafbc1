package org.gtlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** What a run left in a folder, for the tests that a failure leaves nothing. */
final class Leftovers {

    private Leftovers() {
    }

    /** The names of every file below {@code dir} (hidden ones included), sorted; none when it does not exist. */
    static List<String> files(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }

    static void assertNone(Path dir, String context) throws IOException {
        assertEquals(List.of(), files(dir), "no file left behind: " + context);
    }
}
