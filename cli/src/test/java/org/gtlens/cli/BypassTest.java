package org.gtlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.gtlens.testing.OnnxBytes;
import org.gtlens.testing.Project;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 16, class 4: checks that could be bypassed. External data is looked up by its real path (a link inside the
 * model's folder to a file outside, or a folder link {@code up -> ..}, is refused), and output shapes are checked as
 * the file declares them, before ONNX Runtime's shape inference replaces them.
 */
class BypassTest {

    @TempDir
    Path dir;

    private static byte[] toy() throws Exception {
        return Files.readAllBytes(Project.models("gtransformer.onnx"));
    }

    /** The toy with its weights in external file m.data next to it, in folder {@code folder}. */
    private Path externalToy(Path folder, String location, Path dataFile) throws Exception {
        Files.createDirectories(folder);
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        byte[] model = OnnxBytes.withExternalData(toy(), location, data);
        Files.createDirectories(dataFile.getParent());
        Files.write(dataFile, data.toByteArray());
        return Files.write(folder.resolve("m.onnx"), model);
    }

    @Test
    void externalDataInsideTheFolderLoads() throws Exception {
        Path model = externalToy(dir.resolve("model"), "m.data", dir.resolve("model/m.data"));
        CliRun run = CliRun.of("inspect", "--model", model.toString());
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("depth:       2"), run.out());
    }

    static Stream<Arguments> links() {
        return Stream.of(Arguments.of("file link to outside"), Arguments.of("folder link up -> .."),
                Arguments.of("model linked from elsewhere, data beside the link"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("links")
    void externalDataThroughALinkIsRefused(String name) throws Exception {
        Path folder = dir.resolve("model");
        Path model;
        String says;
        switch (name) {
            case "file link to outside" -> {
                model = externalToy(folder, "m.data", dir.resolve("outside/m.data"));
                Files.createSymbolicLink(folder.resolve("m.data"), dir.resolve("outside/m.data"));
                says = "refers to external data 'm.data', a link to " + dir.resolve("outside/m.data").toRealPath()
                        + " outside the model's folder";
            }
            case "folder link up -> .." -> {
                model = externalToy(folder, "up/outside/m.data", dir.resolve("outside/m.data"));
                Files.createSymbolicLink(folder.resolve("up"), Path.of(".."));
                says = "refers to external data 'up/outside/m.data', a link to";
            }
            default -> {
                // the model file is a link; its data sits beside the link, not beside the real file
                Path real = externalToy(dir.resolve("real"), "m.data", dir.resolve("beside-link/m.data"));
                Files.delete(dir.resolve("beside-link/m.data"));
                Files.createDirectories(folder);
                externalToy(dir.resolve("other"), "m.data", folder.resolve("m.data"));
                model = Files.createSymbolicLink(folder.resolve("link.onnx"), real);
                says = "refers to external data 'm.data' which does not exist in " + dir.resolve("real").toRealPath();
            }
        }
        CliRun run = CliRun.of("inspect", "--model", model.toString());
        assertEquals(1, run.exit(), name + ": " + run.err());
        assertTrue(run.errorLine().contains(says), name + ": " + run.errorLine());
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

    /** A metadata key given twice: ONNX Runtime keeps one value, the file check may read the other; refused. */
    @Test
    void metadataGivenTwiceIsRefused() throws Exception {
        org.gtlens.testing.Proto m = org.gtlens.testing.Proto.parse(toy());
        org.gtlens.testing.Proto entry = new org.gtlens.testing.Proto();
        entry.addString(1, "gtlens.depth");
        entry.addString(2, "1");
        m.addBytes(14, entry.bytes());
        Path model = Files.write(dir.resolve("twice.onnx"), m.bytes());
        CliRun run = CliRun.of("inspect", "--model", model.toString());
        assertEquals(1, run.exit(), run.err());
        assertEquals("gtlens: Model twice.onnx has metadata gtlens.depth more than once; each key may appear once.",
                run.errorLine());
    }
}
