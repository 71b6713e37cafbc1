package org.gtlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Progress draws carriage-return frames only on a terminal; to a file or pipe it writes a plain line every few
 * seconds (none for a run under a second). The clock is the test's, so nothing races time.
 */
class ProgressDisplayTest {

    @ParameterizedTest(name = "terminal={0}, {1} s, {3}")
    @CsvSource({"false, 0, 0, EXTRACT", "false, 35, 5, EXTRACT", "true, 0, 0, EXTRACT", "false, 35, 5, ABLATE",
        "false, 35, 5, PATCH",
        "true, 35, 0, PATCH"})
    void framesOnlyOnATerminal(boolean terminal, int seconds, int lines, ProgressDisplay.Task task) {
        String things = task == ProgressDisplay.Task.PATCH ? "pairs" : "sequences";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        long[] now = {0};
        try (ProgressDisplay p = new ProgressDisplay(task, 1000, err, terminal, () -> now[0])) {
            for (int i = 0; i <= 1000; i++) {
                now[0] = (long) seconds * 1_000_000_000L * i / 1000;
                p.progress(i);
            }
        }
        String text = bytes.toString(StandardCharsets.UTF_8);
        if (!terminal) {
            assertFalse(text.contains("\r"), "no carriage return in a log: " + text);
            assertEquals(lines, text.lines().count(), text);
            if (lines > 0) {
                assertTrue(text.lines().allMatch(l -> l.matches("gtlens: \\d+ of 1000 " + things
                        + " \\(\\d+%\\) after \\d+ s")), text);
                assertTrue(text.strip().endsWith("1000 of 1000 " + things + " (100%) after 35 s"), text);
            }
        } else if (seconds == 0) {
            assertEquals("", text, "a run under a second draws nothing");
        } else {
            assertTrue(text.contains("\r" + task.name().toLowerCase(java.util.Locale.ROOT) + " 100%"), text);
            assertTrue(text.contains("1000/1000" + task.unit), text);
        }
    }
}
