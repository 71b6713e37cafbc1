package org.gtlens.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.gtlens.testing.OnnxBytes;
import org.gtlens.testing.Project;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What ONNX Runtime refuses ends as one sentence that names the file and the cause, in a JVM of its own so that ONNX
 * Runtime's own log lines on stderr would show (none may), and without C++ signatures, error codes or stack traces.
 */
class OnnxRuntimeMessagesTest {

    @TempDir
    Path dir;

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("IR version too new", "ir", "Model file bad.onnx cannot be opened by ONNX Runtime: it is "
                        + "stored as ONNX IR version 99, newer than this ONNX Runtime reads (up to "),
                Arguments.of("opset too new", "opset", "Model file bad.onnx cannot be opened by ONNX Runtime: it uses "
                        + "opset 40 of ai.onnx, newer than this ONNX Runtime supports (up to "));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void versionsNewerThanOnnxRuntimeAreOneSentence(String name, String what, String says) throws Exception {
        byte[] toy = Files.readAllBytes(Project.models("gtransformer.onnx"));
        Path bad = Files.createDirectories(dir.resolve("model")).resolve("bad.onnx");
        Files.write(bad, what.equals("ir") ? OnnxBytes.withIrVersion(toy, 99) : OnnxBytes.withOpset(toy, 40));
        Path out = dir.resolve("out");
        CliProcess run = CliProcess.run(dir, List.of(), "extract", "--model", bad.toString(), "--tokens", "4,5",
                "--out", out.toString());
        run.assertOneSentence(name, says);
        Leftovers.assertNone(out, name);
    }
}
