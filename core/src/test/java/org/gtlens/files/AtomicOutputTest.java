package org.gtlens.files;

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

    /** Issue 16, class 2: outputs committed together appear together; a failed move rolls back the others. */
    @org.junit.jupiter.params.ParameterizedTest(name = "output {0} of 3 cannot be moved")
    @org.junit.jupiter.params.provider.ValueSource(ints = {0, 1, 2})
    void commitAllRollsBackWhenOneMoveFails(int blocked) throws Exception {
        List<Path> targets = List.of(dir.resolve("a.csv"), dir.resolve("b.csv"), dir.resolve("c.csv"));
        for (int i = 0; i < targets.size(); i++) {
            if (i != blocked && i != 2) {
                Files.writeString(targets.get(i), "old " + i);
            }
        }
        Files.createDirectories(targets.get(blocked).resolve("in-the-way"));
        List<AtomicOutput> outs = new java.util.ArrayList<>();
        for (Path t : targets) {
            AtomicOutput o = new AtomicOutput(t);
            o.writer().write("new");
            outs.add(o);
        }
        java.io.IOException e = assertThrows(java.io.IOException.class, () -> AtomicOutput.commitAll(outs));
        assertTrue(e.getMessage().contains(targets.get(blocked).toString()) && e.getMessage().contains("in the way"),
                e.getMessage());
        for (AtomicOutput o : outs) {
            o.close();
        }
        for (int i = 0; i < targets.size(); i++) {
            if (i == blocked) {
                assertTrue(Files.isDirectory(targets.get(i)));
            } else if (i == 2) {
                assertFalse(Files.exists(targets.get(i)), "a new file is taken back");
            } else {
                assertEquals("old " + i, Files.readString(targets.get(i)), "the earlier file is restored");
            }
        }
        try (var files = Files.list(dir)) {
            assertEquals(List.of(), files.filter(f -> f.getFileName().toString().endsWith(".part")).toList());
        }
    }
}
