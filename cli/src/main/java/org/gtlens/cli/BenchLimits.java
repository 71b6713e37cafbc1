package org.gtlens.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;

import org.gtlens.model.Kind;
import org.gtlens.model.ModelInfo;
import org.gtlens.repr.BatchPlan;
import org.gtlens.repr.Selection;

/** What bench may write: a bound on its tables whatever the model, and the free space a step needs first. */
final class BenchLimits {

    private BenchLimits() {
    }

    /** The most a benchmark's table may take on disk, whatever the model: 2 GB. */
    static final long MAX_TABLE_BYTES = 2L << 30;
    /** Bytes a long-table row takes, about (45 for the built-in model's). */
    static final long BYTES_PER_ROW = 45;
    /** Free space kept beside what a step writes. */
    static final long SPARE_BYTES = 256L << 20;

    /** Bytes of the heap probe's table (attention, long layout) for {@code n} full-length sequences. */
    static long heapTableBytes(ModelInfo info, long n) {
        return n * Selection.all(EnumSet.of(Kind.ATTENTION)).withKeepMasked(false).longRows(info, info.t())
                * BYTES_PER_ROW;
    }

    /** The heap probe's sequences: as asked, or fewer so that its table stays within {@link #MAX_TABLE_BYTES}. */
    static int boundedSequences(ModelInfo info, int asked) {
        long perSequence = Math.max(1, heapTableBytes(info, 1));
        return (int) Math.max(1, Math.min(asked, MAX_TABLE_BYTES / perSequence));
    }

    /** Null when {@code dir}'s disk has room for {@code bytes} and a spare; else the sentence that says it has not. */
    static String spaceProblem(Path dir, long bytes) {
        long usable;
        try {
            usable = Files.getFileStore(dir).getUsableSpace();
        } catch (IOException e) {
            return null; // a disk that cannot say: the write reports its own failure
        }
        return spaceProblem(dir, bytes, usable);
    }

    static String spaceProblem(Path dir, long bytes, long usable) {
        if (bytes + SPARE_BYTES <= usable) {
            return null;
        }
        return "skipped: it writes about " + BatchPlan.mb(bytes) + " into " + dir + ", whose disk has "
                + BatchPlan.mb(usable) + " free (" + BatchPlan.mb(SPARE_BYTES) + " are kept spare); set "
                + "-Djava.io.tmpdir to a larger disk through GTLENS_JAVA_OPTS.";
    }


    /** A figure to one decimal. */
    static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
