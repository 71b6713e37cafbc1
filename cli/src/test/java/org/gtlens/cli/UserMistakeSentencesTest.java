package org.gtlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A user's mistake is one true sentence naming what is wrong, never a false one ("does not exist" for a folder that
 * exists), never an argument echoed whole, never a silent exit.
 */
class UserMistakeSentencesTest {

    @TempDir
    Path dir;

    /** {@code --out} values that cannot be used, and what the one line must say (and must not). */
    @ParameterizedTest(name = "--out {0}")
    @CsvSource(delimiter = '|', value = {
        "/proc/self | exists but takes no new files | does not exist",
        "DIR/missing/../out | goes through DIR/missing, which does not exist | is a file",
        "DIR/afile/../out | goes through DIR/afile, which is a file | not a folder"})
    void outputFoldersThatCannotBeUsed(String out, String says, String mustNotSay) throws Exception {
        Files.writeString(dir.resolve("afile"), "x");
        Assumptions.assumeTrue(!out.startsWith("/proc") || Files.isDirectory(Path.of("/proc/self")), "no /proc");
        String path = out.replace("DIR", dir.toString());
        CliRun run = CliRun.of("extract", "--tokens", "4,5", "--out", path);
        assertEquals(1, run.exit(), run.err());
        String line = run.errorLine();
        assertTrue(line.contains(says.replace("DIR", dir.toString())), line);
        assertFalse(line.contains(mustNotSay), line);
        assertFalse(Files.exists(dir.resolve("missing")), "nothing created on the way");
    }

    /** A 100 KB argument is quoted shortened, with its length, in a line of reasonable length. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"render, --tokens", "extract, --tokens", "extract, --text"})
    void aHugeArgumentIsNotEchoedWhole(String command, String option) throws Exception {
        String value = "4,".repeat(50_000) + "x";
        CliRun run = CliRun.of(command, option, value, "--out", dir.resolve("out").toString());
        assertEquals(1, run.exit(), run.err().length() > 500 ? run.err().substring(0, 500) : run.err());
        String line = run.errorLine();
        assertTrue(line.length() < 300, "a short line: " + line.substring(0, Math.min(500, line.length())));
        assertTrue(line.contains("(100001 characters)"), line);
    }

    /** A display that is set but cannot be reached: exit 1 and one sentence, not a silent exit. */
    @Test
    void viewOnAnUnreachableDisplayIsOneSentence() throws Exception {
        CliProcess run = CliProcess.run(dir, Map.of("DISPLAY", ":197"), "view", "--tokens", "4,5");
        run.assertOneSentence("unreachable display", "the display ':197' cannot be reached");
    }
}
