package org.gtlens.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;

import org.gtlens.model.GTransformer;
import org.gtlens.model.Kind;
import org.gtlens.table.CsvExport;
import org.gtlens.table.Layout;
import org.gtlens.repr.Extractor;
import org.gtlens.table.SequenceCsvReader;

/**
 * Runs the extract pipeline in a JVM of its own (started by the benchmark under a small -Xmx) and prints the
 * sequences processed and the peak heap used, so the benchmark can show memory is bounded by the batch.
 * Arguments: input CSV, output folder, kinds (comma separated).
 */
public final class HeapProbe {

    private HeapProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path csv = Path.of(args[0]);
        Path out = Path.of(args[1]);
        Set<Kind> kinds = args.length > 2 ? Kind.parseList(args[2]) : EnumSet.allOf(Kind.class);
        long t0 = System.nanoTime();
        long n;
        try (GTransformer model = GTransformer.loadDefault(1);
                SequenceCsvReader reader = new SequenceCsvReader(csv, null)) {
            CsvExport job = new CsvExport(model, kinds, Extractor.DEFAULT_BATCH_SIZE, Layout.LONG);
            n = job.run(reader, out, Extractor.ProgressListener.NONE, () -> false);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.println("{\"sequences\": " + n + ", \"peak_heap_bytes\": " + peak + ", \"max_heap_bytes\": "
                + Runtime.getRuntime().maxMemory() + ", \"seconds\": " + seconds + "}");
    }
}
