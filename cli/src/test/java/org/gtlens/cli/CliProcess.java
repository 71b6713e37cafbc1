package org.gtlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.gtlens.bench.ExtractionBenchmark;
import org.gtlens.runtime.GTransformer;

/**
 * One run of the command line in a JVM of its own, for what only another process shows: a small heap, the native
 * library's own output on stderr, a kill.
 */
record CliProcess(int exit, String out, String err) {

    /** Starts the command line with JVM options (e.g. -Xmx64m), without waiting. */
    static Process start(Path dir, List<String> jvm, String... args) throws Exception {
        List<String> headless = new ArrayList<>(jvm);
        headless.add("-Djava.awt.headless=true");
        return start(dir, java.util.Map.of(), headless, args);
    }

    /** Starts the command line with environment variables set and JVM options (not headless unless given). */
    static Process start(Path dir, java.util.Map<String, String> env, List<String> jvm, String... args)
            throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(jvm);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), GtLens.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(dir.resolve("stdout.txt").toFile()).redirectError(dir.resolve("stderr.txt").toFile());
        builder.environment().putAll(env);
        return builder.start();
    }

    /** Runs to the end with environment variables set, not headless. */
    static CliProcess run(Path dir, java.util.Map<String, String> env, String... args) throws Exception {
        return finish(dir, start(dir, env, List.of(), args), args);
    }

    /** Runs to the end (at most two minutes) and returns what it printed. */
    static CliProcess run(Path dir, List<String> jvm, String... args) throws Exception {
        return finish(dir, start(dir, jvm, args), args);
    }

    /** Waits for a started run (at most two minutes) and returns what it printed. */
    static CliProcess finishFor(Path dir, Process p) throws Exception {
        return finish(dir, p);
    }

    private static CliProcess finish(Path dir, Process p, String... args) throws Exception {
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the run did not end within two minutes: " + String.join(" ", args));
        }
        CliProcess r = new CliProcess(p.exitValue(), Files.readString(dir.resolve("stdout.txt")),
                Files.readString(dir.resolve("stderr.txt")));
        Files.delete(dir.resolve("stdout.txt"));
        Files.delete(dir.resolve("stderr.txt"));
        return r;
    }

    /** A CSV of 400,000 sequences for the built-in model: a run long enough to be signalled while it extracts. */
    static Path longSequenceCsv(Path dir) throws Exception {
        try (GTransformer model = GTransformer.loadDefault(1)) {
            return ExtractionBenchmark.writeSequenceCsv(model.info(), 400_000, dir.resolve("in.csv"));
        }
    }

    /**
     * Waits until {@code out} holds at least {@code parts} temporary {@code .part} files of the running process
     * {@code p}: an event of the run, not a time. Fails when the process ends first; the ten minutes are no deadline
     * of the run, only a bound after which a hung test fails instead of waiting for ever.
     */
    static void awaitPartFiles(Process p, Path dir, Path out, int parts) throws Exception {
        long bound = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (partFiles(out) < parts) {
            if (!p.isAlive()) {
                throw new AssertionError("the run ended (exit " + p.exitValue() + ") before it had " + parts
                        + " temporary files in " + out + "; stderr: " + Files.readString(dir.resolve("stderr.txt")));
            }
            if (System.nanoTime() > bound) {
                throw new AssertionError("no " + parts + " temporary files in " + out + " after ten minutes");
            }
            Thread.sleep(20);
        }
    }

    /** How many temporary {@code .part} files {@code out} holds. */
    static long partFiles(Path out) throws Exception {
        try (var files = Files.list(out)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".part")).count();
        }
    }

    /**
     * The run failed (exit 1) with one line that says {@code says}, naming no C++ signature, ONNX Runtime error code,
     * source file or Java exception.
     */
    void assertOneSentence(String context, String says) {
        assertEquals(1, exit, context + ": " + err);
        String line = errorLine();
        assertTrue(line.startsWith("gtlens: ") && line.contains(says), context + ": " + line);
        assertTrue(!line.contains("ORT_") && !line.contains("::") && !line.contains(".cc:")
                && !line.contains("Exception"), context + ": " + line);
    }

    /** stderr as exactly one line, failing on more, on a stack trace or on a native library's log line. */
    String errorLine() {
        List<String> lines = err.strip().lines().toList();
        if (lines.size() != 1 || err.contains("\tat ") || err.contains("\u001b[") || err.contains("onnxruntime")) {
            throw new AssertionError("expected one line on stderr, got:\n" + err);
        }
        return lines.get(0);
    }
}
