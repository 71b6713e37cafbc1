package org.gtlens.testing;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Assumptions;

/**
 * Runs a main class in a child JVM on a private Xvfb display, for tests of real windows (surefire runs tests
 * headless). Skips the calling test, with the reason, when Xvfb or the JDK's X11 toolkit is missing.
 */
public final class Xvfb {

    /** What the child did: its exit code (or -1 when it timed out) and its output. */
    public record Result(int exitCode, String log) {
    }

    private Xvfb() {
    }

    private static Path executable() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
            Path p = Path.of(dir, "Xvfb");
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        Path p = Path.of("/usr/bin/Xvfb");
        return Files.isExecutable(p) ? p : null;
    }

    /** Runs {@code mainClass args} with this JVM's class path on a new display; logs go to {@code out}. */
    public static Result run(Path out, String mainClass, String... args) throws IOException, InterruptedException {
        Path javaHome = Path.of(System.getProperty("java.home"));
        return runCommand(out, display -> {
            List<String> cmd = new ArrayList<>(List.of(javaHome.resolve("bin/java").toString(),
                    "-Djava.awt.headless=false", "-cp", System.getProperty("java.class.path"), mainClass));
            cmd.addAll(List.of(args));
            return cmd;
        });
    }

    /**
     * Runs the command {@code command} gives for the display (e.g. a launcher script) with DISPLAY set to a new
     * display; logs go to {@code out}.
     */
    public static Result runCommand(Path out, java.util.function.Function<String, List<String>> command)
            throws IOException, InterruptedException {
        Path javaHome = Path.of(System.getProperty("java.home"));
        Assumptions.assumeTrue(Files.exists(javaHome.resolve("lib/libawt_xawt.so")),
                "skipped: this JDK (" + javaHome + ") has no X11 toolkit (a headless JRE, e.g. openjdk-17-jre-headless"
                        + " without openjdk-17-jre)");
        Files.createDirectories(out);
        Path xvfb = executable();
        String existing = System.getenv("DISPLAY");
        Assumptions.assumeTrue(xvfb != null || existing != null && !existing.isBlank(),
                "skipped: Xvfb is not installed (Debian package xvfb) and there is no DISPLAY");
        // A private Xvfb on a free display number (-displayfd), so parallel builds do not collide; an existing
        // DISPLAY is used only when Xvfb is missing.
        Process server = xvfb == null ? null
                : new ProcessBuilder(xvfb.toString(), "-displayfd", "1", "-screen", "0", "1400x1050x24", "-nolisten",
                        "tcp").redirectError(out.resolve("xvfb.log").toFile()).start();
        try {
            String display = server == null ? existing : readDisplayNumber(server);
            if (display == null) {
                throw new AssertionError("Xvfb is installed but did not start: "
                        + Files.readString(out.resolve("xvfb.log")));
            }
            if (server != null) {
                display = ":" + display;
            }
            List<String> cmd = command.apply(display);
            Path log = out.resolve("child.log");
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().put("DISPLAY", display);
            Process child = pb.start();
            boolean done = child.waitFor(120, TimeUnit.SECONDS);
            if (!done) {
                child.destroyForcibly();
            }
            return new Result(done ? child.exitValue() : -1, Files.readString(log));
        } finally {
            if (server != null) {
                server.destroy();
                if (!server.waitFor(5, TimeUnit.SECONDS)) {
                    server.destroyForcibly();
                }
            }
        }
    }

    /**
     * Xvfb writes its display number on the descriptor given to -displayfd (here stdout) once it is ready: a blocking
     * read of that line, which ends with it or with the end of the stream when Xvfb exits. The bound only fails a
     * server that hangs, it is no wait.
     */
    private static String readDisplayNumber(Process server) throws IOException, InterruptedException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(server.getInputStream(),
                StandardCharsets.US_ASCII));
        CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
            try {
                return reader.readLine();
            } catch (IOException e) {
                return null;
            }
        });
        try {
            String number = line.get(2, TimeUnit.MINUTES);
            return number == null || number.isBlank() ? null : number.trim();
        } catch (ExecutionException | TimeoutException e) {
            return null;
        }
    }
}
