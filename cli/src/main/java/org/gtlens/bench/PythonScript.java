package org.gtlens.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Runs one of the repository's Python scripts (models/*.py, with Debian's /usr/bin/python3) and reads the JSON
 * object it prints last, so benchmarks can put PyTorch and matplotlib figures next to ours from the same run.
 */
public final class PythonScript {

    private static final String PYTHON = "/usr/bin/python3";

    private PythonScript() {
    }

    /** The repository's models/ folder: from the working directory or the jar's location upwards, or null. */
    public static Path findModelsDir() {
        List<Path> starts = new ArrayList<>();
        starts.add(Path.of("").toAbsolutePath());
        try {
            starts.add(Path.of(PythonScript.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
        } catch (Exception e) {
            // no code source: the working directory is enough
        }
        for (Path start : starts) {
            for (Path p = start; p != null; p = p.getParent()) {
                if (Files.isRegularFile(p.resolve("models/bench_torch.py"))) {
                    return p.resolve("models");
                }
            }
        }
        return null;
    }

    /** Runs {@code script args...} and parses its last stdout line as JSON; throws IOException with the reason. */
    public static JsonObject run(Path script, long timeoutSeconds, String... args) throws IOException {
        if (!Files.isExecutable(Path.of(PYTHON))) {
            throw new IOException(PYTHON + " is not installed");
        }
        List<String> command = new ArrayList<>(List.of(PYTHON, script.toString()));
        command.addAll(List.of(args));
        Path log = Files.createTempFile("gtlens-python", ".log");
        try {
            Process p = new ProcessBuilder(command).redirectError(log.toFile()).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(script.getFileName() + " took longer than " + timeoutSeconds + " s");
            }
            if (p.exitValue() != 0) {
                String err = Files.readString(log).strip();
                String last = err.isEmpty() ? "" : err.lines().reduce((a, b) -> b).orElse("");
                throw new IOException(script.getFileName() + " failed: " + last);
            }
            String lastLine = out.strip().lines().reduce((a, b) -> b).orElse("{}");
            return JsonParser.parseString(lastLine).getAsJsonObject();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
