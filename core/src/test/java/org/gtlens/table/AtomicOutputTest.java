package org.gtlens.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Outputs appear whole or not at all, and what a killed run left is swept by the next, only its own files. */
class AtomicOutputTest {

    @TempDir
    Path dir;

    @Test
    void aLaterRunSweepsOnlyTheTemporaryFilesOfDeadRuns() throws Exception {
        long dead = 2_000_000_000L; // no such process
        Path stale = Files.writeString(dir.resolve(".representations.csv." + dead + ".9f3a.part"), "x");
        Path living = Files.writeString(dir.resolve(".representations.csv." + ProcessHandle.current().pid()
            + ".1b2c.part"), "x");
        Path foreign = Files.writeString(dir.resolve(".other.part"), "x");
        Path table = Files.writeString(dir.resolve("representations.csv"), "x");
        assertEquals(1, AtomicOutput.sweep(dir));
        assertFalse(Files.exists(stale));
        for (Path kept : List.of(living, foreign, table)) {
            assertTrue(Files.exists(kept), kept.toString());
        }
    }

    @Test
    void temporaryNamesCarryThePidAndCommitMovesIntoPlace() throws Exception {
        Path target = dir.resolve("t.csv");
        try (AtomicOutput out = new AtomicOutput(target)) {
            out.writer().write("a\n");
            try (var files = Files.list(dir)) {
                String name = files.findFirst().orElseThrow().getFileName().toString();
                assertTrue(name.matches("\\.t\\.csv\\." + ProcessHandle.current().pid() + "\\.[0-9a-f]+\\.part"), name);
            }
            out.commit();
        }
        assertEquals("a\n", Files.readString(target));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void afterAShutdownDiscardNothingIsCommitted() throws Exception {
        // in a JVM of its own would be cleaner; here the flag is set for this JVM's remaining tests of this class only
        Path target = dir.resolve("late.csv");
        AtomicOutput out = new AtomicOutput(target);
        out.writer().write("half");
        java.lang.reflect.Field f = AtomicOutput.class.getDeclaredField("discarding");
        f.setAccessible(true);
        try {
            AtomicOutput.discardAllOpen();
            try (var files = Files.list(dir)) {
                assertEquals(0, files.count(), "the temporary file is gone at once");
            }
            assertThrows(java.io.IOException.class, out::commit);
            assertFalse(Files.exists(target));
        } finally {
            f.setBoolean(null, false);
            out.close();
        }
    }
}
