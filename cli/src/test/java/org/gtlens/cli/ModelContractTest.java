package org.gtlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.gtlens.testing.OnnxBytes;
import org.gtlens.testing.Project;
import org.gtlens.testing.Proto;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A model's contract as the command line checks it: the gtlens.* metadata against the graph, and the shapes the file
 * declares (as the file declares them, before ONNX Runtime's shape inference replaces them). Metadata sizes are checked
 * before anything is sized by them.
 */
class ModelContractTest {

    @TempDir
    Path dir;

    private static byte[] toy() throws Exception {
        return Files.readAllBytes(Project.models("gtransformer.onnx"));
    }

    static Stream<Arguments> shapes() {
        return Stream.of(
                Arguments.of("heads", "block0.attention", 1, OnnxBytes.number(5),
                        "declares output 'block0.attention' with shape [?, 5, ?, ?] but the metadata implies [batch, 3, "
                                + "length, length]"),
                Arguments.of("head width", "block0.queries", 3, OnnxBytes.number(7),
                        "declares output 'block0.queries' with shape [?, 3, ?, 7]"),
                Arguments.of("values head width", "block1.values", 3, OnnxBytes.number(4),
                        "declares output 'block1.values'"),
                Arguments.of("vocabulary", "logprobs", 2, OnnxBytes.number(99),
                        "declares output 'logprobs' with shape [?, ?, 99] but the metadata implies [batch, length, 10]"),
                Arguments.of("lens vocabulary", "block1.logprobs", 2, OnnxBytes.number(11),
                        "declares output 'block1.logprobs'"),
                Arguments.of("embedding width", "block0.out", 2, OnnxBytes.number(8), "declares output 'block0.out'"),
                Arguments.of("rank", "block1.out", 2, null,
                        "declares output 'block1.out' with shape [?, ?], expected rank 3"),
                Arguments.of("size left open", "block0.keys", 1, OnnxBytes.symbol("h"),
                        "declares output 'block0.keys' with shape [?, ?, ?, 2], leaving open a size the metadata fixes"),
                Arguments.of("length fixed in an output", "block0.attention", 2, OnnxBytes.number(4),
                        "declares output 'block0.attention' with shape [?, 3, 4, ?]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void declaredShapesThatContradictTheMetadataAreRefused(String name, String output, int axis,
            OnnxBytes.DimChange change, String says) throws Exception {
        Path model = Files.write(dir.resolve("shape.onnx"), OnnxBytes.withDeclaredDim(toy(), 12, output, axis, change));
        CliRun run = CliRun.of("extract", "--model", model.toString(), "--tokens", "4,5", "--out",
                dir.resolve("out").toString());
        assertEquals(1, run.exit(), name + ": " + run.err());
        assertTrue(run.errorLine().startsWith("gtlens: Model shape.onnx ") && run.errorLine().contains(says),
                name + ": " + run.errorLine());
        Leftovers.assertNone(dir.resolve("out"), name);
    }

    static Stream<Arguments> fixedInputs() {
        return Stream.of(
                Arguments.of("fixed batch", 0, 1, "Model bad.onnx declares input 'tokens' with a fixed batch size "
                        + "of 1; the contract's batch size is dynamic"),
                Arguments.of("fixed length not declared", 1, 5, "Model bad.onnx declares input 'tokens' with a "
                        + "fixed length of 5 but lacks gtlens.fixed_length=true"));
    }

    /** In a JVM of its own, so that ONNX Runtime's own log lines on stderr would show (none may). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("fixedInputs")
    void fixedInputSizesAreOneSentence(String name, int axis, int size, String says) throws Exception {
        Path bad = Files.createDirectories(dir.resolve("model")).resolve("bad.onnx");
        Files.write(bad, OnnxBytes.withDeclaredDim(toy(), 11, "tokens", axis, OnnxBytes.number(size)));
        Path out = dir.resolve("out");
        CliProcess run = CliProcess.run(dir, List.of(), "extract", "--model", bad.toString(), "--tokens", "4,5",
                "--out", out.toString());
        run.assertOneSentence(name, says);
        Leftovers.assertNone(out, name);
    }

    /** A metadata key given twice: ONNX Runtime keeps one value, the file check may read the other; refused. */
    @Test
    void metadataGivenTwiceIsRefused() throws Exception {
        Proto m = Proto.parse(toy());
        Proto entry = new Proto();
        entry.addString(1, "gtlens.depth");
        entry.addString(2, "1");
        m.addBytes(14, entry.bytes());
        Path model = Files.write(dir.resolve("twice.onnx"), m.bytes());
        CliRun run = CliRun.of("inspect", "--model", model.toString());
        assertEquals(1, run.exit(), run.err());
        assertEquals("gtlens: Model twice.onnx has metadata gtlens.depth more than once; each key may appear once.",
                run.errorLine());
    }

    /** Cases run in a JVM of 64 MB: each would need far more if the metadata sized an allocation. */
    static Stream<Arguments> hugeSizes() {
        return Stream.of(
                Arguments.of("gtlens.depth=2^31-1", "gtlens.depth", "lacks contract outputs: block2.attention"),
                Arguments.of("gtlens.num_tokens=2^31-1 without labels", "gtlens.num_tokens",
                        "declares output 'logprobs' with shape [?, ?, 10] but the metadata implies [batch, length, "
                                + "2147483647]"),
                Arguments.of("gtlens.t=2^31-1", "gtlens.t", "has gtlens.t=2147483647, longer than the 65536 tokens"),
                Arguments.of("gtlens.k=2^31-1", "gtlens.k", "gtlens.k=2147483647 which is not divisible"),
                Arguments.of("gtlens.heads=2^31-1", "gtlens.heads", "not divisible by gtlens.heads=2147483647"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hugeSizes")
    void hugeMetadataSizesAreRefusedWithinASmallHeap(String name, String key, String says) throws Exception {
        Map<String, String> meta = new HashMap<>(Map.of("gtlens.contract", "1", "gtlens.k", "6", "gtlens.heads", "3",
                "gtlens.depth", "2", "gtlens.t", "5", "gtlens.num_tokens", "10"));
        meta.put(key, Integer.toString(Integer.MAX_VALUE));
        Path model = Files.write(dir.resolve("meta.onnx"), OnnxBytes.withMetadata(toy(), meta));
        Path out = dir.resolve("out");
        CliProcess run = CliProcess.run(dir, List.of("-Xmx64m"), "extract", "--out", out.toString(), "--model",
                model.toString(), "--tokens", "4,5", "--aggregate", "mean");
        assertEquals(1, run.exit(), name + ": " + run.err());
        assertTrue(run.errorLine().contains(says), name + ": " + run.errorLine());
        Leftovers.assertNone(out, name);
    }
}
