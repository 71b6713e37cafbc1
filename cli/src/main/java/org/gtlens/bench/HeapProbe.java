package org.gtlens.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;

import org.gtlens.runtime.GTransformer;
import org.gtlens.model.Kind;
import org.gtlens.repr.BatchPlan;
import org.gtlens.repr.Extractor;
import org.gtlens.repr.IndexList;
import org.gtlens.repr.Selection;
import org.gtlens.csv.output.CsvTables;
import org.gtlens.run.Output;
import org.gtlens.run.TableJob;
import org.gtlens.run.TableRun;
import org.gtlens.table.Layout;
import org.gtlens.csv.input.SequenceCsvReader;

/**
 * Runs the extract pipeline in a JVM of its own (started by the benchmark under a small -Xmx) and prints the
 * sequences processed, the seconds, the peak heap and the peak resident memory (heap, native buffers and all), so the
 * benchmark can show memory is bounded by the batch. Arguments: input CSV, output folder, kinds (comma separated),
 * and optionally the model file (or a built-in model's key, "-" for the default), blocks, positions, the memory budget in MB and
 * "group" to aggregate by the CSV's group column instead of writing every value, and the ONNX Runtime threads.
 */
public final class HeapProbe {

    private HeapProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path csv = Path.of(args[0]);
        Path out = Path.of(args[1]);
        Set<Kind> kinds = args.length > 2 ? Kind.parseList(args[2]) : EnumSet.copyOf(Kind.contract());
        String modelFile = args.length > 3 ? args[3] : "-";
        IndexList blocks = IndexList.parse(args.length > 4 ? args[4] : "all");
        IndexList positions = IndexList.parse(args.length > 5 ? args[5] : "all");
        long memoryMb = args.length > 6 ? Long.parseLong(args[6]) : 512;
        boolean grouped = args.length > 7 && args[7].equals("group");
        int threads = args.length > 8 ? Integer.parseInt(args[8]) : 1;
        long t0 = System.nanoTime();
        long n;
        org.gtlens.runtime.BuiltInModel builtIn = modelFile.equals("-") ? org.gtlens.runtime.BuiltInModel.TOY
                : org.gtlens.Keyed.find(org.gtlens.runtime.BuiltInModel.class, modelFile);
        try (GTransformer model = builtIn != null ? builtIn.load(threads) : GTransformer.load(Path.of(modelFile), threads);
                SequenceCsvReader reader = new SequenceCsvReader(csv, "tokens", grouped ? "group" : null)) {
            Selection selection = Selection.all(kinds).withBlocks(blocks).withPositions(positions)
                    .withKeepMasked(false);
            TableJob job = new TableJob(selection, new BatchPlan(Extractor.DEFAULT_BATCH_SIZE, memoryMb << 20,
                    "--memory"), Layout.LONG, grouped, java.util.Set.of(Output.REPRESENTATIONS));
            n = CsvTables.write(new TableRun<String>(job, model, java.util.function.Function.identity()), job,
                    reader::nextItem, out, Extractor.ProgressListener.NONE, () -> false);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.println("{\"sequences\": " + n + ", \"peak_heap_bytes\": " + peak + ", \"peak_rss_bytes\": "
                + peakResidentBytes() + ", \"max_heap_bytes\": " + Runtime.getRuntime().maxMemory()
                + ", \"seconds\": " + seconds + "}");
    }

    /** The process's peak resident memory (Linux: VmHWM), or -1 where the system does not say. */
    static long peakResidentBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            // not Linux
        }
        return -1;
    }
}
