package org.gtlens.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.gtlens.bench.ExtractionBenchmark;
import org.gtlens.bench.HeapProbe;
import org.gtlens.csv.output.CsvTables;
import org.gtlens.model.ModelInfo;

/**
 * bench's temporary folder and the child JVMs it runs there: removed at the end of the run, and on an interrupt
 * (with the child that runs then) through {@link Interruption#onInterrupt}.
 */
final class BenchWorkspace implements AutoCloseable {

    private final Path work;
    private final PrintWriter err;
    /** The child JVM of the probe that runs now, if any: an interrupt ends it with this run. */
    private volatile Process child;

    BenchWorkspace(PrintWriter err) throws IOException {
        this.work = Files.createTempDirectory("gtlens-bench");
        this.err = err;
    }

    Path dir() {
        return work;
    }

    /** Registers the cleanup an interrupt runs: the child ended, the folder removed. */
    Interruption guard(Interruption interruption) {
        return interruption.onInterrupt(this::stopChild).onInterrupt(() -> deleteQuietly(work));
    }

    /**
     * Writes {@code n} random full-length sequences (in {@code groups} groups, 0 for none, which aggregates by them),
     * runs {@link HeapProbe} over them in a JVM of its own with the same model and threads, and reads its figures.
     */
    JsonObject childProbe(ModelInfo info, String model, long memoryMb, int threads, String name, int n, int groups,
            String xmx, String kinds, String blocks, String positions) throws IOException, InterruptedException {
        Path csv = ExtractionBenchmark.writeSequenceCsv(info, n, work.resolve(name + ".csv"), groups);
        Path out = Files.createDirectories(work.resolve(name));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, xmx));
        String natives = System.getProperty("onnxruntime.native.path"); // the libraries unpacked once, not again
        if (natives != null) {
            command.add("-Donnxruntime.native.path=" + natives);
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"),
                HeapProbe.class.getName(), csv.toString(), out.toString(), kinds,
                model, blocks, positions, Long.toString(memoryMb),
                groups > 0 ? "group" : "each", Integer.toString(threads)));
        Path childErr = work.resolve(name + ".stderr");
        Process p = new ProcessBuilder(command).redirectError(childErr.toFile()).start();
        child = p;
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        p.waitFor(30, TimeUnit.MINUTES);
        JsonObject probe = new JsonObject();
        probe.addProperty("sequences", n);
        probe.addProperty("threads", threads);
        if (p.exitValue() != 0 || text.isEmpty()) {
            String failure = childFailure(name, p.exitValue(), Files.exists(childErr) ? Files.readString(childErr)
                    : "");
            probe.addProperty("failed", failure);
            err.println("bench: " + failure);
            return probe;
        }
        JsonObject r = JsonParser.parseString(text.lines().reduce((a, b) -> b).orElse("{}")).getAsJsonObject();
        probe.addProperty("seconds", BenchLimits.round(r.get("seconds").getAsDouble()));
        probe.addProperty("peak_heap_mb", BenchLimits.round(r.get("peak_heap_bytes").getAsLong() / 1048576.0));
        probe.addProperty("peak_rss_mb", BenchLimits.round(r.get("peak_rss_bytes").getAsLong() / 1048576.0));
        probe.addProperty("representations_mb", BenchLimits.round(Files.size(out.resolve(CsvTables.REPRESENTATIONS)) / 1e6));
        return probe;
    }

    /**
     * A child JVM's failure in one line: the first line of its stderr that is no stack frame (the exception's
     * message, without the exception's class name), e.g. "the heap probe failed (exit 1): No space left on device".
     */
    static String childFailure(String name, int exit, String stderr) {
        String reason = null;
        for (String line : stderr.lines().map(String::strip).toList()) {
            if (line.isEmpty() || line.startsWith("at ") || line.startsWith("...") || line.startsWith("Caused by")
                    && reason != null) {
                continue;
            }
            String text = line.replaceFirst("^(Exception in thread \"[^\"]*\" )?(Caused by: )?([a-zA-Z_$][\\w$]*\\.)+"
                    + "[A-Z][\\w$]*(Exception|Error)(: )?", "").strip();
            if (!text.isEmpty()) {
                reason = text;
            }
            if (reason != null) {
                break;
            }
        }
        return "the " + name + " probe failed (exit " + exit + ")" + (reason == null ? "" : ": "
                + (reason.length() <= 200 ? reason : reason.substring(0, 197) + "..."));
    }

    /** Deletes a folder tree that a run may still be writing into; a few tries, then gives up. */
    static void deleteQuietly(Path dir) {
        for (int i = 0; i < 3; i++) {
            try {
                deleteTree(dir);
                return;
            } catch (IOException | RuntimeException e) {
                // a file appeared or vanished during the walk: walk again
            }
        }
    }

    private void stopChild() {
        Process p = child;
        if (p != null) {
            p.destroyForcibly();
            try {
                p.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Override
    public void close() throws IOException {
        deleteTree(work);
    }
}
