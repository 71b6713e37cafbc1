package org.gtlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVRecord;
import org.gtlens.testing.Project;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The sequence CSV of {@code extract --input}: the column read, files that are no CSV, and input that used to be read
 * as something else with exit 0 (a header naming a column twice, a file without a header, fields beyond the header,
 * empty places, digits of other scripts) refused with a sentence naming line and column, without a file written.
 * Lines and rows are limited, so that no input makes the command allocate what is not there.
 */
class SequenceCsvInputTest {

    @TempDir
    Path dir;

    @Test
    void extractsFromACsvFile() throws Exception {
        Path in = Files.writeString(dir.resolve("in.csv"), "id,seq\na,\"4,5,5,5,4\"\nb,1 2 3\n");
        Path out = dir.resolve("o");
        CliRun run = CliRun.of("extract", "--model", Project.models("second/second.onnx").toString(), "--input",
                in.toString(), "--column", "seq", "--out", out.toString(), "--kinds", "out");
        assertEquals(0, run.exit(), run.err());
        List<CSVRecord> rows = CsvRecords.read(out.resolve("representations.csv"));
        assertEquals(3 * (5 * 8 + 3 * 8), rows.size());
    }

    @Test
    void fileMistakesGiveOneLine() throws Exception {
        Path out = dir.resolve("x");
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
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                // name, CSV, extra options, what the one line says
                Arguments.of("duplicate header", "a,a\n1,2\n", List.of(), "line 1 names column 'a' twice (fields 1 and 2)"),
                Arguments.of("duplicate header, named column", "s,g,g\n\"1,2\",x,y\n", List.of("--column", "s"),
                        "names column 'g' twice (fields 2 and 3)"),
                Arguments.of("duplicate header with group column", "a,a,c\n1,2,x\n",
                        List.of("--group-column", "c", "--aggregate", "mean"), "names column 'a' twice"),
                Arguments.of("nameless header column", "a,\n1,2\n", List.of(), "line 1, field 2 has no column name"),
                Arguments.of("no header, one quoted column", "\"4,5,5,5,4\"\n\"1,2,3\"\n", List.of(),
                        "has no header: its first line (4,5,5,5,4) reads as a sequence"),
                Arguments.of("no header, spaces", "4 5 5 5 4\n1 2 3\n", List.of(), "has no header"),
                Arguments.of("no header, brackets", "[4 5 5]\n[1 2 3]\n", List.of(), "has no header"),
                Arguments.of("no header, integer columns", "4,5,6\n1,2,3\n", List.of(),
                        "has no header: its first line (4,5,6)"),
                Arguments.of("no header, one token", "7\n3\n", List.of(), "has no header"),
                Arguments.of("field beyond the header", "seq\n\"4,5\",9\n", List.of(),
                        "line 2 has 2 fields but the header names 1 column; field 2 ('9') has no column"),
                Arguments.of("field beyond integer columns", "a,b\n1,2,3\n", List.of(),
                        "line 2 has 3 fields but the header names 2 columns; field 3 ('3')"),
                Arguments.of("empty field beyond the header", "a,b\n1,2,\n", List.of(), "line 2 has 3 fields"),
                Arguments.of("field beyond the header, later row", "a,b\n1,2\n3,4,5\n", List.of(),
                        "line 3 has 3 fields"),
                Arguments.of("fewer fields than the header", "s,g\n\"1,2\",x\n\"3,4\"\n",
                        List.of("--column", "s", "--group-column", "g", "--aggregate", "mean"),
                        "line 3 has 1 field but the header names 2 columns"),
                Arguments.of("empty place", "s\n\"4,,5\"\n", List.of(), "line 2, column 's': sequence 0, position 1 is empty"),
                Arguments.of("Arabic-Indic digits", "s\n\"\u0664,\u0665\"\n", List.of(), "is not an integer token"),
                Arguments.of("full-width digits", "s\n\"\uff14,\uff15\"\n", List.of(), "is not an integer token"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void refusedWithTheLineNamed(String name, String csv, List<String> options, String says) throws Exception {
        Path input = Files.writeString(dir.resolve("in.csv"), csv, StandardCharsets.UTF_8);
        Path out = dir.resolve("out");
        CliRun run = CliRun.of(extractKindOut(input, out, options));
        assertEquals(1, run.exit(), name + ": " + run.err());
        String line = run.errorLine();
        assertTrue(line.startsWith("gtlens: Input file in.csv") && line.contains(says), name + ": " + line);
        Leftovers.assertNone(out, name);
    }

    static Stream<Arguments> accepted() {
        return Stream.of(
                Arguments.of("position columns named 0..n-1", "0,1,2\n4,5,6\n", List.of()),
                Arguments.of("position columns named 1..n", "1,2,3\n4,5,6\n", List.of()),
                Arguments.of("a header and a quoted sequence", "tokens\n\"4,5,5\"\n", List.of()),
                Arguments.of("a byte order mark before the header", "\uFEFFtokens\n\"4,5,5\"\n",
                        List.of("--column", "tokens")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accepted")
    void headersThatLookNumericButAreNamesStillWork(String name, String csv, List<String> options) throws Exception {
        Path input = Files.writeString(dir.resolve("ok.csv"), csv, StandardCharsets.UTF_8);
        Path out = dir.resolve("out");
        CliRun run = CliRun.of(extractKindOut(input, out, options));
        assertEquals(0, run.exit(), name + ": " + run.err());
        assertEquals(List.of("predictions.csv", "representations.csv"), Leftovers.files(out));
    }

    /** {@code extract --input input --out out --kinds out} and the options. */
    private static String[] extractKindOut(Path input, Path out, List<String> options) {
        List<String> args = new ArrayList<>(List.of("extract", "--input", input.toString(), "--out", out.toString(),
                "--kinds", "out"));
        args.addAll(options);
        return args.toArray(String[]::new);
    }

    /** Cases run in a JVM of 64 MB: each would need far more if the input sized an allocation. */
    static Stream<Arguments> huge() {
        return Stream.of(
                Arguments.of("one quoted line of 40 MB", "line", "line 2 is longer than 4194304 characters (4 MB)"),
                Arguments.of("a quote never closed, 40 MB after it", "quote",
                        "has a row running on from line 2 for more than 4194304 characters"),
                Arguments.of("a header line of 40 MB", "header", "line 1 has more than 131072 fields"),
                Arguments.of("a row of 20 million fields", "fields", "line 2 has more than 131072 fields"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("huge")
    void hugeLinesAndRowsAreRefusedWithinASmallHeap(String name, String what, String says) throws Exception {
        Path out = dir.resolve("out");
        Path input = switch (what) {
            case "line" -> big("tokens\n\"", "4,", "\"\n");
            case "quote" -> big("tokens\n\"4,5\n", "1 2 3 4 5 6 7 8\n", "\n");
            case "fields" -> big("a\n", "4,", "\n");
            default -> big("", "4,", "\n4\n");
        };
        CliProcess run = CliProcess.run(dir, List.of("-Xmx64m"), "extract", "--out", out.toString(), "--input",
                input.toString());
        assertEquals(1, run.exit(), name + ": " + run.err());
        assertTrue(run.errorLine().contains(says), name + ": " + run.errorLine());
        Leftovers.assertNone(out, name);
    }

    /** About 40 MB of {@code unit} between a prefix and a suffix. */
    private Path big(String prefix, String unit, String suffix) throws Exception {
        Path file = dir.resolve("big.csv");
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(prefix);
            String chunk = unit.repeat((1 << 16) / unit.length());
            for (int i = 0; i < 640; i++) {
                w.write(chunk);
            }
            w.write("4");
            w.write(suffix);
        }
        return file;
    }
}
