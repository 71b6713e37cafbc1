package org.gtlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 16, class 1: input that used to be read as something else with exit 0 (a header naming a column twice, a
 * file without a header, fields beyond the header, empty places, digits of other scripts) is refused with a sentence
 * naming line and column, and no file is written.
 */
class WrongDataTest {

    @TempDir
    Path dir;

    static Stream<Arguments> cases() {
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
    @MethodSource("cases")
    void refusedWithTheLineNamed(String name, String csv, List<String> options, String says) throws Exception {
        Path input = Files.writeString(dir.resolve("in.csv"), csv, StandardCharsets.UTF_8);
        Path out = dir.resolve("out");
        List<String> args = new ArrayList<>(List.of("extract", "--input", input.toString(), "--out", out.toString(),
                "--kinds", "out"));
        args.addAll(options);
        CliRun run = CliRun.of(args.toArray(String[]::new));
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
        List<String> args = new ArrayList<>(List.of("extract", "--input", input.toString(), "--out", out.toString(),
                "--kinds", "out"));
        args.addAll(options);
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertEquals(0, run.exit(), name + ": " + run.err());
        assertEquals(List.of("predictions.csv", "representations.csv"), Leftovers.files(out));
    }
}
