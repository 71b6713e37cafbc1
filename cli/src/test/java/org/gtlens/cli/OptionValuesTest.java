package org.gtlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Option values a command cannot use are usage errors (exit 2) with a sentence, at once: no thread count makes ONNX
 * Runtime start thousands of threads, no batch or memory budget below one, no empty path means the current folder.
 */
class OptionValuesTest {

    @TempDir
    Path dir;

    static Stream<Arguments> cases() {
        String max = Integer.toString(OptionValues.maxThreads());
        return Stream.of(
                Arguments.of(List.of("inspect", "--threads", "0"), "'0' threads: choose 1 to " + max),
                Arguments.of(List.of("inspect", "--threads", "-1"), "'-1' threads: choose 1 to " + max),
                Arguments.of(List.of("inspect", "--threads", "100000"), "'100000' threads: choose 1 to " + max),
                Arguments.of(List.of("inspect", "--threads", "2147483648"), "threads: choose 1 to"),
                Arguments.of(List.of("inspect", "--threads", "two"), "'two' is not a thread count"),
                Arguments.of(List.of("extract", "--tokens", "4,5", "--out", "OUT", "--threads", "100000"),
                        "threads: choose 1 to"),
                Arguments.of(List.of("demo", "--out", "OUT", "--threads", "0"), "threads: choose 1 to"),
                Arguments.of(List.of("extract", "--tokens", "4,5", "--out", "OUT", "--batch", "99999999999"),
                        "'--batch': '99999999999' is not an int"),
                Arguments.of(List.of("extract", "--tokens", "4,5", "--out", "OUT", "--batch", "0"),
                        "--batch must be at least 1, got 0."),
                Arguments.of(List.of("extract", "--tokens", "4,5", "--out", "OUT", "--batch", "-5"),
                        "--batch must be at least 1, got -5."),
                Arguments.of(List.of("extract", "--tokens", "4,5", "--out", "OUT", "--memory", "0"),
                        "--memory must be between 1"),
                Arguments.of(List.of("extract", "--tokens", "4,5", "--out", ""), "'--out': an empty name is not a file"),
                Arguments.of(List.of("extract", "--tokens", "4,5", "--out", "  "), "'--out': an empty name"),
                Arguments.of(List.of("demo", "--out", ""), "'--out': an empty name"),
                Arguments.of(List.of("render", "--tokens", "4,5", "--out", ""), "'--out': an empty name"),
                Arguments.of(List.of("inspect", "--model", ""), "'--model': an empty name is not a file"),
                Arguments.of(List.of("extract", "--input", "", "--out", "OUT"), "'--input': an empty name"),
                Arguments.of(List.of("extract", "--tokens", "4,5", "--out", "a\u0000b"), "'--out': 'a"),
                Arguments.of(List.of("bench", "--no-python", "--quick", "--heap-sequences", "-1"),
                        "'--heap-sequences': '-1' is not a count"),
                Arguments.of(List.of("bench", "--no-python", "--quick", "--selected-sequences", "-1"),
                        "'--selected-sequences': '-1' is not a count"),
                Arguments.of(List.of("bench", "--no-python", "--quick", "--aggregate-sequences", "-3"),
                        "'--aggregate-sequences': '-3' is not a count"),
                Arguments.of(List.of("bench", "--no-python", "--quick", "--threads", "100000"), "threads: choose"),
                Arguments.of(List.of("bench", "--no-python", "--quick", "--memory", "0"), "--memory must be between"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void usageErrorWithASentence(List<String> args, String says) throws Exception {
        Path out = dir.resolve("out");
        List<String> a = new ArrayList<>();
        for (String s : args) {
            a.add(s.equals("OUT") ? out.toString() : s);
        }
        CliRun run = CliRun.of(a.toArray(String[]::new));
        assertEquals(2, run.exit(), args + ": " + run.err());
        assertTrue(run.errorLine().startsWith("gtlens: ") && run.errorLine().contains(says), run.err());
        Leftovers.assertNone(out, args.toString());
        Leftovers.assertNone(dir, args.toString());
    }
}
