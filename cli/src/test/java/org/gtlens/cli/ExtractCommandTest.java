package org.gtlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gtlens extract} as a user calls it with {@code --tokens}: both layouts, summaries and means per group, exit
 * codes and one-line errors. (Its CSV input, model file, selection, memory and output folder have classes of their own.)
 */
class ExtractCommandTest {

    @TempDir
    Path dir;

    @Test
    void extractsTokensInBothLayouts() throws Exception {
        Path out = dir.resolve("out");
        CliRun run = CliRun.of("extract", "--tokens", "4,5,5,5,4", "--tokens", "1 2 3 4 5", "--out", out.toString());
        assertEquals(0, run.exit(), run.err());
        List<CSVRecord> rows = CsvRecords.read(out.resolve("representations.csv"));
        // attention without the masked cells above the diagonal (3 heads x 15), queries+keys+values, out, logprobs
        assertEquals(2 * 2 * (45 + 90 + 30 + 50), rows.size());
        assertEquals("1", rows.get(rows.size() - 1).get("sequence"));
        List<CSVRecord> preds = CsvRecords.read(out.resolve("predictions.csv"));
        assertEquals(2, preds.size());
        assertEquals("1,2,3,4,5", preds.get(1).get("tokens"));

        Path m = dir.resolve("m");
        run = CliRun.of("extract", "--tokens", "4,5,5,5,4", "--out", m.toString(), "--layout", "matrix", "--kinds",
                "attention,logprobs");
        assertEquals(0, run.exit(), run.err());
        List<CSVRecord> matrix = CsvRecords.read(m.resolve("representations.csv"));
        assertEquals(2 * (3 * 5 + 5), matrix.size());
        assertTrue(matrix.get(0).isMapped("c9"));
    }

    @Test
    void tokenMistakesGiveOneLine() throws Exception {
        Path out = dir.resolve("x");
        CliRun bad = CliRun.of("extract", "--tokens", "4,5,12,5,4", "--out", out.toString());
        assertEquals(1, bad.exit());
        assertEquals("gtlens: Sequence 0 has token 12 at position 2, outside the vocabulary 0..9.", bad.errorLine());
        assertFalse(Files.exists(out.resolve("representations.csv")), "no half-written file");
        try (var files = Files.list(out)) {
            assertEquals(0, files.count(), "no temporary file left");
        }

        CliRun tooLong = CliRun.of("extract", "--tokens", "1,2,3,4,5,6", "--out", out.toString());
        assertEquals(1, tooLong.exit());
        assertTrue(tooLong.errorLine().contains("6 tokens"), tooLong.err());

        CliRun word = CliRun.of("extract", "--tokens", "1,two,3", "--out", out.toString());
        assertEquals(1, word.exit());
        assertTrue(word.errorLine().contains("'two' at position 1"), word.err());
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertEquals(2, CliRun.of("extract", "--out", "x").exit(), "no input");
        assertEquals(2, CliRun.of("extract", "--tokens", "1", "--input", "a.csv", "--out", "x").exit());
        CliRun kind = CliRun.of("extract", "--tokens", "1", "--out", "x", "--kinds", "attn");
        assertEquals(2, kind.exit());
        assertTrue(kind.err().contains("'attn' is not a kind"), kind.err());
        assertEquals(2, CliRun.of("frobnicate").exit());
        assertEquals(2, CliRun.of().exit());
        assertEquals(0, CliRun.of("--version").exit());
        CliRun help = CliRun.of("extract", "--help");
        assertEquals(0, help.exit());
        assertTrue(help.out().contains("--layout"));
    }

    @Test
    void summariesPerSequenceAndMeansPerGroup() throws Exception {
        Path out = dir.resolve("sum");
        CliRun run = CliRun.of("extract", "--tokens", "4,5,5,5,4", "--tokens", "1,2", "--out", out.toString(),
                "--kinds", "attention", "--summary");
        assertEquals(0, run.exit(), run.err());
        List<CSVRecord> heads = CsvRecords.read(out.resolve("head_scores.csv"));
        assertEquals(2 * 2 * 3 * org.gtlens.analysis.HeadScore.values().length, heads.size()); // sequences x blocks x heads x scores
        assertEquals(List.of("sequence", "block", "head", "score", "value"), heads.get(0).getParser().getHeaderNames());
        List<CSVRecord> lens = CsvRecords.read(out.resolve("lens_stats.csv"));
        assertEquals(2 * (5 + 2) * 4, lens.size()); // blocks x positions x statistics
        for (CSVRecord r : lens) {
            if (r.get("block").equals("1") && r.get("stat").equals("final_token_rank")) {
                assertEquals("0.0", r.get("value"), "the last block's lens is the model's answer");
            }
        }

        Path input = Files.writeString(dir.resolve("classes.csv"), "tokens,class\n\"4,5,5,5,4\",pal\n\"1,2,3,4,5\","
                + "inc\n\"5,4,3,4,5\",pal\n\"7\",\n");
        Path grouped = dir.resolve("grouped");
        run = CliRun.of("extract", "--input", input.toString(), "--column", "tokens", "--group-column", "class",
                "--aggregate", "mean", "--summary", "--kinds", "attention", "--out", grouped.toString());
        assertEquals(0, run.exit(), run.err());
        List<CSVRecord> rows = CsvRecords.read(grouped.resolve("representations.csv"));
        assertEquals(List.of("group", "block", "head", "kind", "row", "col", "row_label", "col_label", "count", "mean",
                "std"), rows.get(0).getParser().getHeaderNames());
        assertEquals(List.of("pal", "inc", "(missing)"), rows.stream().map(r -> r.get("group")).distinct().toList());
        CSVRecord first = rows.get(0);
        assertEquals("2", first.get("count"));
        assertEquals("Out 0", first.get("row_label"));
        assertTrue(rows.stream().filter(r -> r.get("group").equals("inc")).allMatch(r -> r.get("std").isEmpty()),
                "one sequence has no standard deviation");
        List<CSVRecord> groupedHeads = CsvRecords.read(grouped.resolve("head_scores.csv"));
        // groups x blocks x heads x scores, but undefined for every sequence of a group (no row): previous_token for
        // the one-token group, duplicate_token and induction for the groups without a repeated token (inc, missing)
        assertEquals(3 * 2 * 3 * org.gtlens.analysis.HeadScore.values().length - 2 * 3 - 2 * (2 * 2 * 3),
                groupedHeads.size());
        CliRun bad = CliRun.of("extract", "--tokens", "4,5", "--out", dir.resolve("x").toString(), "--group-column",
                "class");
        assertEquals(2, bad.exit());
        assertTrue(bad.errorLine().contains("--group-column needs --input and --aggregate mean."), bad.errorLine());
        bad = CliRun.of("extract", "--tokens", "4,5", "--out", dir.resolve("x").toString(), "--aggregate", "mean",
                "--layout", "matrix");
        assertEquals(2, bad.exit());
        assertTrue(bad.errorLine().contains("aggregated tables come in the long layout only"), bad.errorLine());
    }
}
