package org.gtlens.causal;

import java.util.function.BooleanSupplier;

import org.gtlens.model.ModelException;
import org.gtlens.model.ModelInfo;
import org.gtlens.repr.CancelledException;

/**
 * Causal analyses run one sequence many times, each copy with another change: the copies share a batch, as many as
 * the memory budget and the caller's limit allow.
 */
final class RunCopies {

    private RunCopies() {
    }

    /** The tokens of {@code copies} copies of a sequence, row-major, as a run takes them. */
    static long[] repeated(int[] tokens, int copies) {
        int n = tokens.length;
        long[] out = new long[Math.multiplyExact(copies, n)];
        for (int c = 0; c < copies; c++) {
            for (int p = 0; p < n; p++) {
                out[c * n + p] = tokens[p];
            }
        }
        return out;
    }

    /** Copies of a sequence of {@code length} one run may take: within the budget and the limit, 1 to {@code total}. */
    static int perRun(ModelInfo info, int length, long budgetBytes, int maxCopies, int total) {
        long perCopy = Math.max(1, RunMemory.bytesPerSequence(info, length));
        long rows = Math.min(budgetBytes / perCopy, maxCopies);
        return (int) Math.max(1, Math.min(total, rows));
    }

    /** Refuses a model without intervention inputs in one sentence; {@code purpose} e.g. "to ablate heads". */
    static void requireInterventions(ModelInfo info, String purpose) throws ModelException {
        if (!info.takesInterventions()) {
            throw new ModelException("Model " + info.source() + " follows contract version " + info.contract()
                    + ", which has no intervention inputs; export it again with models/export.py (contract version "
                    + "2) " + purpose + ".");
        }
    }

    static void checkCancelled(BooleanSupplier cancelled, String what) throws CancelledException {
        if (cancelled.getAsBoolean()) {
            throw new CancelledException(what + " was cancelled.");
        }
    }
}
