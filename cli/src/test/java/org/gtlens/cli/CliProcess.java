package org.gtlens.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One run of the command line in a JVM of its own, for what only another process shows: a small heap, the native
 * library's own output on stderr, a kill.
 */
record CliProcess(int exit, String out, String err) {

    /** Starts the command line with JVM options (e.g. -Xmx64m), without waiting. */
    static Process start(Path dir, List<String> jvm, String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(jvm);
        command.addAll(List.of("-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
                GtLens.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(dir.resolve("stdout.txt").toFile()).redirectError(dir.resolve("stderr.txt").toFile())
                .start();
    }

    /** Runs to the end (at most two minutes) and returns what it printed. */
    static CliProcess run(Path dir, List<String> jvm, String... args) throws Exception {
        Process p = start(dir, jvm, args);
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

    /** stderr as exactly one line, failing on more, on a stack trace or on a native library's log line. */
    String errorLine() {
        List<String> lines = err.strip().lines().toList();
        if (lines.size() != 1 || err.contains("\tat ") || err.contains("\u001b[") || err.contains("onnxruntime")) {
            throw new AssertionError("expected one line on stderr, got:\n" + err);
        }
        return lines.get(0);
    }
}
