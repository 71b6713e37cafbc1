package org.gtlens.knime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A machine where ONNX Runtime's native library does not load (as on Windows beside an older msvcp140.dll, or with a
 * noexec temporary folder): configure says so in one sentence every time, not only the first time (later tries get
 * NoClassDefFoundError), naming the cause and the README section. Runs in its own JVM, since ONNX Runtime starts
 * once per JVM; a file that is not a library stands in for the DLL that fails to initialise.
 */
class NativeLoadFailureTest {

    /** Runs a main class of the test classpath in a JVM whose ONNX Runtime library is no library; its output. */
    private static String runWithBrokenRuntime(final Path dir, final String main, final String... args)
        throws Exception {
        Files.writeString(dir.resolve(System.mapLibraryName("onnxruntime")), "not a library");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new java.util.ArrayList<>(List.of(java.toString(), "-cp",
            System.getProperty("java.class.path"), "-Donnxruntime.native.path=" + dir, main));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), out);
        return out;
    }

    @Test
    void configureNamesTheCauseAndTheReadmeSectionEveryTime(@TempDir final Path dir) throws Exception {
        String out = runWithBrokenRuntime(dir, NativeFailureMain.class.getName());
        List<String> lines = out.lines().filter(l -> l.startsWith("MESSAGE ") || l.startsWith("THROWN ")
            || l.equals("OK")).toList();
        assertEquals(3, lines.size(), out);
        for (String line : lines) {
            assertTrue(line.startsWith("MESSAGE ONNX Runtime cannot start in this Java process ("), out);
            assertTrue(line.endsWith("); see \"Known platform notes\" in the GT Lens README."), out);
            assertTrue(line.contains(dir.toString()), "names the library that failed: " + out);
        }
        assertEquals(lines.get(0), lines.get(2), "a later try names the first cause again");
    }

    @Test
    void configureReadsTheModelsFactsWithoutOnnxRuntime(@TempDir final Path dir) throws Exception {
        String out = runWithBrokenRuntime(dir, org.gtlens.knime.load.FactsWithoutRuntimeMain.class.getName(),
            TestSupport.secondModel().toString());
        List<String> lines = out.lines().filter(l -> l.startsWith("FACTS ") || l.startsWith("THROWN ")).toList();
        assertEquals(List.of("FACTS k=6 depth=2", "FACTS k=8 depth=3"), lines, out);
    }
}
