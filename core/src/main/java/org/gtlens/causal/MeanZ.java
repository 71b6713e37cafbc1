package org.gtlens.causal;

import org.gtlens.model.Interventions;
import org.gtlens.model.ModelInfo;
import org.gtlens.runtime.FloatTensor;
import org.gtlens.runtime.Intervention;

/**
 * Every head's mean output {@code z} at each position over the plain runs of many sequences, in double; sequences of
 * several lengths pool where they overlap (position j averages the sequences that have it). Mean ablation feeds it as
 * the replacement, so an ablated head contributes its average and only what is specific to a sequence is removed.
 */
final class MeanZ {

    private final ModelInfo info;
    private final int d;
    /** [block][head][position * d + i] */
    private final double[][][] sum;
    private final long[] count;

    MeanZ(ModelInfo info) {
        this.info = info;
        this.d = info.headDim();
        this.sum = new double[info.depth()][info.heads()][Math.multiplyExact(info.t(), d)];
        this.count = new long[info.t()];
    }

    /** Bytes the sums of a model take. */
    static long bytes(ModelInfo info) {
        return (long) info.depth() * info.k() * info.t() * Double.BYTES;
    }

    /** Adds row {@code row} of one block's z output ([b, h, L, d]) of a plain run. */
    void add(int block, FloatTensor z, int row) {
        int length = z.dim(2);
        float[] data = z.data();
        int base = row * z.itemSize();
        for (int h = 0; h < info.heads(); h++) {
            double[] s = sum[block][h];
            int from = base + h * length * d;
            for (int i = 0; i < length * d; i++) {
                s[i] += data[from + i];
            }
        }
        if (block == 0) {
            for (int p = 0; p < length; p++) {
                count[p]++;
            }
        }
    }

    /** The replacement input of mean ablation for sequences of {@code length}: [1, depth, heads, length, d]. */
    FloatTensor replacement(int length) {
        FloatTensor repl = Intervention.neutral(Interventions.HEAD_REPL, info, 1, length);
        float[] out = repl.data();
        int at = 0;
        for (int b = 0; b < info.depth(); b++) {
            for (int h = 0; h < info.heads(); h++) {
                double[] s = sum[b][h];
                for (int p = 0; p < length; p++) {
                    for (int i = 0; i < d; i++) {
                        out[at++] = (float) (s[p * d + i] / count[p]);
                    }
                }
            }
        }
        return repl;
    }
}
