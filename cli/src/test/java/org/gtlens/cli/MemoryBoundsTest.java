package org.gtlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.gtlens.testing.OnnxBytes;
import org.gtlens.testing.Project;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 16, class 3: input cannot make the command allocate what is not there. Lines and rows are limited, a model
 * is scanned through a memory map (a file of zeros is refused at its first byte), metadata sizes are checked against
 * the graph before anything is sized by them, and a huge --batch reserves nothing.
 */
class MemoryBoundsTest {

    @TempDir
    Path dir;

    /** Cases run in a JVM of 64 MB: each would need far more if the input sized an allocation. */
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("one quoted line of 40 MB", "line", "line 2 is longer than 4194304 characters (4 MB)"),
                Arguments.of("a quote never closed, 40 MB after it", "quote",
                        "has a row running on from line 2 for more than 4194304 characters"),
                Arguments.of("a header line of 40 MB", "header", "line 1 has more than 131072 fields"),
                Arguments.of("a row of 20 million fields", "fields", "line 2 has more than 131072 fields"),
                Arguments.of("a model of 1 GB of zeros", "zeros", "is not an ONNX model (field number 0 at byte 0"),
                Arguments.of("gtlens.depth=2^31-1", "gtlens.depth", "lacks contract outputs: block2.attention"),
                Arguments.of("gtlens.num_tokens=2^31-1 without labels", "gtlens.num_tokens",
                        "declares output 'logprobs' with shape [?, ?, 10] but the metadata implies [batch, length, "
                                + "2147483647]"),
                Arguments.of("gtlens.t=2^31-1", "gtlens.t", "has gtlens.t=2147483647, longer than the 65536 tokens"),
                Arguments.of("gtlens.k=2^31-1", "gtlens.k", "gtlens.k=2147483647 which is not divisible"),
                Arguments.of("gtlens.heads=2^31-1", "gtlens.heads", "not divisible by gtlens.heads=2147483647"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void refusedWithinASmallHeap(String name, String what, String says) throws Exception {
        Path out = dir.resolve("out");
        List<String> args = new ArrayList<>(List.of("extract", "--out", out.toString()));
        switch (what) {
            case "line" -> args.addAll(List.of("--input", big("tokens\n\"", "4,", "\"\n").toString()));
            case "quote" -> args.addAll(List.of("--input", big("tokens\n\"4,5\n", "1 2 3 4 5 6 7 8\n", "\n")
                    .toString()));
            case "fields" -> args.addAll(List.of("--input", big("a\n", "4,", "\n").toString()));
            case "header" -> args.addAll(List.of("--input", big("", "4,", "\n4\n").toString()));
            case "zeros" -> {
                Path zeros = dir.resolve("zeros.onnx");
                try (var f = new java.io.RandomAccessFile(zeros.toFile(), "rw")) {
                    f.setLength(1L << 30); // sparse: takes no disk
                }
                args.addAll(List.of("--model", zeros.toString(), "--tokens", "4,5"));
            }
            default -> {
                byte[] toy = Files.readAllBytes(Project.models("gtransformer.onnx"));
                Map<String, String> meta = new java.util.HashMap<>(Map.of("gtlens.contract", "1", "gtlens.k", "6",
                        "gtlens.heads", "3", "gtlens.depth", "2", "gtlens.t", "5", "gtlens.num_tokens", "10"));
                meta.put(what, Integer.toString(Integer.MAX_VALUE));
                Path model = Files.write(dir.resolve("meta.onnx"), OnnxBytes.withMetadata(toy, meta));
                args.addAll(List.of("--model", model.toString(), "--tokens", "4,5", "--aggregate", "mean"));
            }
        }
        CliProcess run = CliProcess.run(dir, List.of("-Xmx64m"), args.toArray(String[]::new));
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

    /** A batch of a billion reserves nothing: the run takes what the input has. */
    @Test
    void aHugeBatchReservesNothing() throws Exception {
        Path out = dir.resolve("out");
        CliProcess run = CliProcess.run(dir, List.of("-Xmx48m"), "extract", "--tokens", "4,5,5,5,4", "--tokens",
                "1,2", "--batch", "1000000000", "--out", out.toString());
        assertEquals(0, run.exit(), run.err());
        assertEquals(List.of("predictions.csv", "representations.csv"), Leftovers.files(out));
    }
}
