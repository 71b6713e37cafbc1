package org.gtlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The selection options ({@code --blocks}, {@code --heads}, {@code --positions}, {@code --top-k},
 * {@code --keep-masked}): the tables keep what they name, and an index list outside the model is a usage error
 * naming it.
 */
class SelectionOptionsTest {

    @TempDir
    Path dir;

    @Test
    void selectionOptionsKeepWhatTheyName() throws Exception {
        Path out = dir.resolve("sel");
        CliRun run = CliRun.of("extract", "--tokens", "4,5,5,5,4", "--tokens", "1,2,3", "--out", out.toString(),
                "--kinds", "attention,logprobs", "--blocks", "last", "--heads", "0,2", "--positions", "last",
                "--top-k", "3");
        assertEquals(0, run.exit(), run.err());
        List<CSVRecord> rows = CsvRecords.read(out.resolve("representations.csv"));
        // per sequence: block 1, heads 0 and 2, the last row of attention (whole), and 3 tokens of logprobs
        assertEquals(2 * 5 + 3 + 2 * 3 + 3, rows.size());
        for (CSVRecord r : rows) {
            assertEquals("1", r.get("block"));
            int last = r.get("sequence").equals("0") ? 4 : 2;
            assertEquals(Integer.toString(last), r.get("row"));
            assertTrue(r.get("head").isEmpty() || r.get("head").equals("0") || r.get("head").equals("2"));
        }
        Path kept = dir.resolve("kept");
        run = CliRun.of("extract", "--tokens", "4,5,5,5,4", "--out", kept.toString(), "--kinds", "attention",
                "--keep-masked");
        assertEquals(0, run.exit(), run.err());
        assertEquals(2 * 3 * 25, CsvRecords.read(kept.resolve("representations.csv")).size());
        assertTrue(run.out().contains("batches of up to 1 sequences within 512 MB"), run.out());
    }

    /** (--memory 0 and --batch 0, once among these cases, are in BatchMemoryTest.) */
    @Test
    void selectionOutsideTheModelIsAUsageErrorNamingIt() {
        Path out = dir.resolve("bad");
        for (String[] args : new String[][] {
            {"--blocks", "2", "block 2 does not exist: the model has 2 blocks (0..1)."},
            {"--heads", "0,3", "head 3 does not exist: the model has 3 heads per block (0..2)."},
            {"--positions", "5", "position 5 does not exist: the model takes sequences of at most 5 tokens"},
            {"--blocks", "one", "--blocks: 'one' is not an index, a range like 2-5 or 'last'."},
            {"--positions", "3-1", "--positions: '3-1' is an empty range (1 < 3)."},
            {"--top-k", "11", "top-k 11 is more than the vocabulary has (10 tokens)."}}) {
            CliRun run = CliRun.of("extract", "--tokens", "4,5,5,5,4", "--out", out.toString(), args[0], args[1]);
            assertEquals(2, run.exit(), String.join(" ", args) + ": " + run.err());
            assertTrue(run.errorLine().contains(args[2]), run.errorLine());
        }
    }
}
