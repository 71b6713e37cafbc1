package org.gtlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.gtlens.testing.Project;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The extract and inspect commands as a user calls them: files, exit codes and one-line errors. */
class ExtractCommandTest {

    @TempDir
    Path dir;

    private static List<CSVRecord> read(Path file) throws Exception {
        try (Reader r = Files.newBufferedReader(file)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
        }
    }

    @Test
    void inspectPrintsTheSummary() {
        CliRun run = CliRun.of("inspect");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("depth:       2") && run.out().contains("built-in example model"), run.out());
        run = CliRun.of("inspect", "--model", Project.models("second/second.onnx").toString());
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("depth:       3") && run.out().contains("scaling:     full"), run.out());
    }

    @Test
    void extractsTokensInBothLayouts() throws Exception {
        Path out = dir.resolve("out");
        CliRun run = CliRun.of("extract", "--tokens", "4,5,5,5,4", "--tokens", "1 2 3 4 5", "--out", out.toString());
        assertEquals(0, run.exit(), run.err());
        List<CSVRecord> rows = read(out.resolve("representations.csv"));
        // attention without the masked cells above the diagonal (3 heads x 15), queries+keys+values, out, logprobs
        assertEquals(2 * 2 * (45 + 90 + 30 + 50), rows.size());
        assertEquals("1", rows.get(rows.size() - 1).get("sequence"));
        List<CSVRecord> preds = read(out.resolve("predictions.csv"));
        assertEquals(2, preds.size());
        assertEquals("1,2,3,4,5", preds.get(1).get("tokens"));

        Path m = dir.resolve("m");
        run = CliRun.of("extract", "--tokens", "4,5,5,5,4", "--out", m.toString(), "--layout", "matrix", "--kinds",
                "attention,logprobs");
        assertEquals(0, run.exit(), run.err());
        List<CSVRecord> matrix = read(m.resolve("representations.csv"));
        assertEquals(2 * (3 * 5 + 5), matrix.size());
        assertTrue(matrix.get(0).isMapped("c9"));
    }

    @Test
    void extractsFromACsvFile() throws Exception {
        Path in = Files.writeString(dir.resolve("in.csv"), "id,seq\na,\"4,5,5,5,4\"\nb,1 2 3\n");
        Path out = dir.resolve("o");
        CliRun run = CliRun.of("extract", "--model", Project.models("second/second.onnx").toString(), "--input",
                in.toString(), "--column", "seq", "--out", out.toString(), "--kinds", "out");
        assertEquals(0, run.exit(), run.err());
        List<CSVRecord> rows = read(out.resolve("representations.csv"));
        assertEquals(3 * (5 * 8 + 3 * 8), rows.size());
    }

    @Test
    void userMistakesGiveOneLineAndExitCodes() throws Exception {
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

        CliRun noModel = CliRun.of("inspect", "--model", dir.resolve("missing.onnx").toString());
        assertEquals(1, noModel.exit());
        assertTrue(noModel.errorLine().contains("missing.onnx does not exist"), noModel.err());

        Path text = Files.writeString(dir.resolve("fake.onnx"), "hello");
        CliRun notOnnx = CliRun.of("inspect", "--model", text.toString());
        assertEquals(1, notOnnx.exit());
        assertTrue(notOnnx.errorLine().contains("fake.onnx") && notOnnx.errorLine().contains("not an ONNX model"),
                notOnnx.err());

        Path empty = Files.writeString(dir.resolve("empty.csv"), "tokens\n");
        CliRun emptyInput = CliRun.of("extract", "--input", empty.toString(), "--out", out.toString());
        assertEquals(1, emptyInput.exit());
        assertTrue(emptyInput.errorLine().contains("no sequences"), emptyInput.err());

        CliRun missingColumn = CliRun.of("extract", "--input", empty.toString(), "--column", "nope", "--out",
                out.toString());
        assertEquals(1, missingColumn.exit());
        assertTrue(missingColumn.errorLine().contains("no column 'nope'"), missingColumn.err());

        Path quote = Files.writeString(dir.resolve("quote.csv"), "tokens\n\"4,5,5\n1,2,3\n");
        CliRun badCsv = CliRun.of("extract", "--input", quote.toString(), "--out", out.toString());
        assertEquals(1, badCsv.exit());
        assertTrue(badCsv.errorLine().startsWith("gtlens: Input file quote.csv is not valid CSV")
                && !badCsv.errorLine().contains("Exception"), badCsv.err());

        Path binary = Files.write(dir.resolve("binary.csv"), new byte[] {'t', '\n', (byte) 0xff, (byte) 0xfe, 0, 1});
        CliRun notText = CliRun.of("extract", "--input", binary.toString(), "--out", out.toString());
        assertEquals(1, notText.exit());
        assertTrue(notText.errorLine().startsWith("gtlens: Input file binary.csv is not UTF-8 text"), notText.err());

        CliRun folderInput = CliRun.of("extract", "--input", dir.toString(), "--out", out.toString());
        assertEquals(1, folderInput.exit());
        assertTrue(folderInput.errorLine().contains("is a folder, not a CSV file"), folderInput.err());

        Path file = Files.writeString(dir.resolve("afile"), "x");
        CliRun notFolder = CliRun.of("extract", "--tokens", "1,2", "--out", file.toString());
        assertEquals(1, notFolder.exit());
        assertTrue(notFolder.errorLine().contains("afile"), notFolder.err());
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
    void selectionOptionsKeepWhatTheyName() throws Exception {
        Path out = dir.resolve("sel");
        CliRun run = CliRun.of("extract", "--tokens", "4,5,5,5,4", "--tokens", "1,2,3", "--out", out.toString(),
                "--kinds", "attention,logprobs", "--blocks", "last", "--heads", "0,2", "--positions", "last",
                "--top-k", "3");
        assertEquals(0, run.exit(), run.err());
        List<CSVRecord> rows = read(out.resolve("representations.csv"));
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
        assertEquals(2 * 3 * 25, read(kept.resolve("representations.csv")).size());
        assertTrue(run.out().contains("batches of up to 1 sequences within 512 MB"), run.out());
    }

    @Test
    void selectionOutsideTheModelIsAUsageErrorNamingIt() {
        Path out = dir.resolve("bad");
        for (String[] args : new String[][] {
            {"--blocks", "2", "block 2 does not exist: the model has 2 blocks (0..1)."},
            {"--heads", "0,3", "head 3 does not exist: the model has 3 heads per block (0..2)."},
            {"--positions", "5", "position 5 does not exist: the model takes sequences of at most 5 tokens"},
            {"--blocks", "one", "--blocks: 'one' is not an index, a range like 2-5 or 'last'."},
            {"--positions", "3-1", "--positions: '3-1' is an empty range (1 < 3)."},
            {"--top-k", "11", "top-k 11 is more than the vocabulary has (10 tokens)."},
            {"--memory", "0", "--memory must be between 1 and"},
            {"--batch", "0", "--batch must be at least 1, got 0."}}) {
            CliRun run = CliRun.of("extract", "--tokens", "4,5,5,5,4", "--out", out.toString(), args[0], args[1]);
            assertEquals(2, run.exit(), String.join(" ", args) + ": " + run.err());
            assertTrue(run.errorLine().contains(args[2]), run.errorLine());
        }
    }

    @Test
    void aBudgetBelowOneSequenceFailsWithoutLeavingFiles() throws Exception {
        Path out = dir.resolve("tight");
        StringBuilder tokens = new StringBuilder();
        for (int i = 0; i < 64; i++) {
            tokens.append(i == 0 ? "" : ",").append(i);
        }
        CliRun run = CliRun.of("extract", "--model", Project.models("mid/mid.onnx").toString(), "--tokens",
                tokens.toString(), "--out", out.toString(), "--memory", "1");
        assertEquals(1, run.exit(), run.err());
        assertTrue(run.errorLine().startsWith("gtlens: One sequence of length 64 needs 4.3 MB (its selected outputs"),
                run.errorLine());
        assertTrue(run.errorLine().endsWith("raise --memory, select fewer kinds or blocks, or use shorter sequences."), run.errorLine());
        try (var files = Files.list(out)) {
            assertEquals(0, files.count(), "no file, not even a temporary one, is left");
        }
    }

    @Test
    void summariesPerSequenceAndMeansPerGroup() throws Exception {
        Path out = dir.resolve("sum");
        CliRun run = CliRun.of("extract", "--tokens", "4,5,5,5,4", "--tokens", "1,2", "--out", out.toString(),
                "--kinds", "attention", "--summary");
        assertEquals(0, run.exit(), run.err());
        List<CSVRecord> heads = read(out.resolve("head_scores.csv"));
        assertEquals(2 * 2 * 3 * 4, heads.size()); // sequences x blocks x heads x scores
        assertEquals(List.of("sequence", "block", "head", "score", "value"), heads.get(0).getParser().getHeaderNames());
        List<CSVRecord> lens = read(out.resolve("lens_stats.csv"));
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
        List<CSVRecord> rows = read(grouped.resolve("representations.csv"));
        assertEquals(List.of("group", "block", "head", "kind", "row", "col", "row_label", "col_label", "count", "mean",
                "std"), rows.get(0).getParser().getHeaderNames());
        assertEquals(List.of("pal", "inc", "(missing)"), rows.stream().map(r -> r.get("group")).distinct().toList());
        CSVRecord first = rows.get(0);
        assertEquals("2", first.get("count"));
        assertEquals("Out 0", first.get("row_label"));
        assertTrue(rows.stream().filter(r -> r.get("group").equals("inc")).allMatch(r -> r.get("std").isEmpty()),
                "one sequence has no standard deviation");
        List<CSVRecord> groupedHeads = read(grouped.resolve("head_scores.csv"));
        // groups x blocks x heads x scores, but previous_token is undefined for the group of one one-token sequence
        assertEquals(3 * 2 * 3 * 4 - 2 * 3, groupedHeads.size());
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
