package org.gtlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
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
 * A model's weights in external data files: looked up by their real path (a link inside the model's folder to a file
 * outside, or a folder link {@code up -> ..}, is refused), and a file cut short is one sentence.
 */
class ExternalDataTest {

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

    /** In a JVM of its own, so that ONNX Runtime's own log lines on stderr would show (none may). */
    @Test
    void externalDataCutShortIsOneSentence() throws Exception {
        Path bad = Files.createDirectories(dir.resolve("model")).resolve("bad.onnx");
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        Files.write(bad, OnnxBytes.withExternalData(toy(), "bad.data", data));
        byte[] all = data.toByteArray();
        Files.write(bad.resolveSibling("bad.data"), Arrays.copyOf(all, all.length / 2));
        Path out = dir.resolve("out");
        CliProcess run = CliProcess.run(dir, List.of(), "extract", "--model", bad.toString(), "--tokens", "4,5",
                "--out", out.toString());
        run.assertOneSentence("external data cut short", "Model bad.onnx needs bytes ");
        Leftovers.assertNone(out, "external data cut short");
    }
}
