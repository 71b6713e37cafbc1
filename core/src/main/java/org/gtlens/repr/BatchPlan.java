package org.gtlens.repr;

import java.util.List;
import java.util.Locale;

import org.gtlens.runtime.GTransformer;
import org.gtlens.model.Kind;
import org.gtlens.model.ModelInfo;

/**
 * How many sequences go into one ONNX Runtime call: at most {@code maxBatch}, and no more than the memory budget
 * holds. One sequence costs its selected outputs twice (ONNX Runtime's buffers and their Java copy) plus ONNX
 * Runtime's working memory for it, which it plans for the whole graph whatever is fetched: measured (peak resident
 * memory on a model of former's default size), about {@link #WORKING_FACTOR} times all the contract's tensors of the
 * sequence. Sizes are computed in long, and no single output may pass
 * what one buffer holds. A model of former's default size has about 35 MB of such tensors per sequence, so the
 * budget, not the count, sizes its batches.
 *
 * @param maxBatch      the requested batch size, at least 1
 * @param budgetBytes   the budget of one batch's outputs, in bytes
 * @param budgetSetting how the user sets the budget, for the message (e.g. "--memory")
 */
public record BatchPlan(int maxBatch, long budgetBytes, String budgetSetting) {

    /** The default budget of one batch: 512 MB. */
    public static final long DEFAULT_BUDGET_BYTES = 512L << 20;

    /** ONNX Runtime's working memory per sequence, in multiples of all the contract's tensors of that sequence. */
    public static final int WORKING_FACTOR = 3;

    /** Copies of a batch's selected outputs alive at once: ONNX Runtime's buffer and the Java array. */
    public static final int HELD_COPIES = 2;

    public BatchPlan {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + maxBatch);
        }
        if (budgetBytes < 1) {
            throw new IllegalArgumentException("memory budget must be positive, got " + budgetBytes);
        }
    }

    /** At most {@code maxBatch} sequences within the default budget. */
    public static BatchPlan of(int maxBatch) {
        return new BatchPlan(maxBatch, DEFAULT_BUDGET_BYTES, "the memory budget");
    }

    /** Values one sequence has in one output (a block's tensor or the final log-probabilities). */
    static long valuesPerSequence(ModelInfo info, String output, int length) {
        if (output.equals(Kind.FINAL_LOGPROBS)) {
            return Kind.LOGPROBS.valuesPerBlock(info, length);
        }
        Kind kind = Kind.fromContractName(output.substring(output.indexOf('.') + 1));
        return kind.valuesPerBlock(info, length);
    }

    /**
     * Bytes one sequence of the given length costs while its batch runs: the selected outputs, held twice, and ONNX
     * Runtime's working memory ({@link #WORKING_FACTOR} times all the contract's tensors of one sequence).
     */
    public static long bytesPerSequence(ModelInfo info, List<String> outputs, int length) {
        long selected = 0;
        for (String output : outputs) {
            selected += valuesPerSequence(info, output, length);
        }
        long working = Kind.LOGPROBS.valuesPerBlock(info, length);
        for (Kind kind : Kind.contract()) {
            working += info.depth() * kind.valuesPerBlock(info, length);
        }
        return (selected * HELD_COPIES + working * WORKING_FACTOR) * Float.BYTES;
    }

    /**
     * The batch size for sequences of one length.
     *
     * @throws MemoryBudgetException when one sequence alone needs more than the budget (or than one buffer holds)
     */
    public int batchFor(ModelInfo info, List<String> outputs, int length) throws MemoryBudgetException {
        long perSequence = bytesPerSequence(info, outputs, length);
        if (perSequence > budgetBytes) {
            throw new MemoryBudgetException(String.format(Locale.ROOT, "One sequence of length %d needs %s (its "
                    + "selected outputs, held by ONNX Runtime and in Java, and ONNX Runtime's working memory), more than "
                    + "the memory budget of %s per batch; raise %s, select fewer kinds or blocks, or use shorter "
                    + "sequences.", length, mb(perSequence),
                    mb(budgetBytes), budgetSetting));
        }
        long largest = 0;
        for (String output : outputs) {
            largest = Math.max(largest, valuesPerSequence(info, output, length));
        }
        long byBuffer = GTransformer.MAX_OUTPUT_VALUES / Math.max(1, largest);
        if (byBuffer < 1) {
            throw new MemoryBudgetException("One sequence of length " + length + " has " + largest + " values in one "
                    + "output, more than one ONNX Runtime buffer holds; select fewer kinds or use shorter sequences.");
        }
        return (int) Math.max(1, Math.min(Math.min(maxBatch, budgetBytes / perSequence), byBuffer));
    }

    /** Bytes as people read them: "70.6 MB", "512 MB". */
    public static String mb(long bytes) {
        double mb = bytes / (double) (1 << 20);
        return mb >= 100 || mb == Math.rint(mb) ? String.format(Locale.ROOT, "%.0f MB", mb)
                : String.format(Locale.ROOT, "%.1f MB", mb);
    }
}
