package org.gtlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.gtlens.testing.OnnxBytes;
import org.gtlens.testing.Project;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 16, class 5: failures of ONNX Runtime, of memory and of the file system end as one sentence that names the
 * file and the cause, in a JVM of its own so that ONNX Runtime's own log lines on stderr would show (none may), and
 * without C++ signatures, error codes or stack traces.
 */
class LibraryTextTest {

    @TempDir
    Path dir;

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("IR version too new", "ir", "Model file bad.onnx cannot be opened by ONNX Runtime: it is "
                        + "stored as ONNX IR version 99, newer than this ONNX Runtime reads (up to "),
                Arguments.of("opset too new", "opset", "Model file bad.onnx cannot be opened by ONNX Runtime: it uses "
                        + "opset 40 of ai.onnx, newer than this ONNX Runtime supports (up to "),
                Arguments.of("external data cut short", "truncated", "Model bad.onnx needs bytes "),
                Arguments.of("fixed batch", "batch", "Model bad.onnx declares input 'tokens' with a fixed batch size "
                        + "of 1; the contract's batch size is dynamic"),
                Arguments.of("fixed length not declared", "length", "Model bad.onnx declares input 'tokens' with a "
                        + "fixed length of 5 but lacks gtlens.fixed_length=true"),
                Arguments.of("out of memory", "memory", "Java ran out of memory running model "),
                Arguments.of("output folder is a file", "outfile", "Output folder "),
                Arguments.of("output folder not writable", "readonly", "Output folder "));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void oneSentenceNamingFileAndCause(String name, String what, String says) throws Exception {
        byte[] toy = Files.readAllBytes(Project.models("gtransformer.onnx"));
        Path bad = dir.resolve("model/bad.onnx");
        Files.createDirectories(bad.getParent());
        Path out = dir.resolve("out");
        List<String> jvm = List.of();
        List<String> args = new ArrayList<>(List.of("extract", "--model", bad.toString(), "--tokens", "4,5",
                "--out", out.toString()));
        switch (what) {
            case "ir" -> Files.write(bad, OnnxBytes.withIrVersion(toy, 99));
            case "opset" -> Files.write(bad, OnnxBytes.withOpset(toy, 40));
            case "truncated" -> {
                ByteArrayOutputStream data = new ByteArrayOutputStream();
                Files.write(bad, OnnxBytes.withExternalData(toy, "bad.data", data));
                byte[] all = data.toByteArray();
                Files.write(bad.resolveSibling("bad.data"), Arrays.copyOf(all, all.length / 2));
            }
            case "batch" -> Files.write(bad, OnnxBytes.withDeclaredDim(toy, 11, "tokens", 0, OnnxBytes.number(1)));
            case "length" -> Files.write(bad, OnnxBytes.withDeclaredDim(toy, 11, "tokens", 1, OnnxBytes.number(5)));
            case "memory" -> {
                Path mid = Project.models("mid/mid.onnx");
                Path csv = dir.resolve("long.csv");
                String row = "\"" + String.join(",", java.util.Collections.nCopies(64, "3")) + "\"\n";
                Files.writeString(csv, "tokens\n" + row.repeat(400));
                jvm = List.of("-Xmx64m");
                args = new ArrayList<>(List.of("extract", "--model", mid.toString(), "--input", csv.toString(),
                        "--memory", "4000", "--batch", "400", "--out", out.toString()));
                says += mid + " on " + csv;
            }
            case "outfile" -> {
                Files.writeString(out, "a file");
                args = new ArrayList<>(List.of("extract", "--tokens", "4,5", "--out", out.toString()));
                says += out + " is a file, not a folder.";
            }
            default -> {
                Files.createDirectories(out);
                out.toFile().setWritable(false);
                org.junit.jupiter.api.Assumptions.assumeFalse(Files.isWritable(out), "root writes anywhere");
                args = new ArrayList<>(List.of("extract", "--tokens", "4,5", "--out", out.toString()));
                says += out + " is not writable: permission denied.";
            }
        }
        CliProcess run = CliProcess.run(dir, jvm, args.toArray(String[]::new));
        assertEquals(1, run.exit(), name + ": " + run.err());
        String line = run.errorLine();
        assertTrue(line.startsWith("gtlens: ") && line.contains(says), name + ": " + line);
        assertTrue(!line.contains("ORT_") && !line.contains("::") && !line.contains(".cc:")
                && !line.contains("Exception"), name + ": " + line);
        if (!what.equals("outfile")) {
            Leftovers.assertNone(out, name);
        }
    }
}
