package org.gtlens.repr;

import org.gtlens.runtime.FloatTensor;

/**
 * Attention rollout (Abnar and Zuidema 2020) as docs/contract.md defines it: per block the head-mean attention mixed
 * half and half with the identity, rows renormalised, multiplied up from block 0. Computed in double per sequence,
 * stored as float like every other tensor.
 */
final class Rollout {

    private Rollout() {
    }

    /**
     * @param attention the attention tensors [b, h, L, L] of blocks 0..n-1, in order
     * @return the rollout of blocks 0..n-1, each [b, L, L] row-major
     */
    static float[][] of(FloatTensor[] attention) {
        int blocks = attention.length;
        int batch = attention[0].dim(0);
        int heads = attention[0].dim(1);
        int length = attention[0].dim(2);
        int cells = length * length;
        float[][] out = new float[blocks][batch * cells];
        double[] mixed = new double[cells];
        double[] previous = new double[cells];
        double[] current = new double[cells];
        for (int s = 0; s < batch; s++) {
            for (int block = 0; block < blocks; block++) {
                float[] a = attention[block].data();
                int base = s * heads * cells;
                java.util.Arrays.fill(mixed, 0);
                for (int h = 0; h < heads; h++) {
                    for (int i = 0; i < cells; i++) {
                        mixed[i] += a[base + h * cells + i];
                    }
                }
                for (int r = 0; r < length; r++) {
                    double sum = 0;
                    for (int c = 0; c < length; c++) {
                        double v = 0.5 * mixed[r * length + c] / heads + (r == c ? 0.5 : 0);
                        mixed[r * length + c] = v;
                        sum += v;
                    }
                    for (int c = 0; c < length; c++) {
                        mixed[r * length + c] /= sum;
                    }
                }
                if (block == 0) {
                    System.arraycopy(mixed, 0, current, 0, cells);
                } else {
                    // current = mixed x previous; both lower triangular, so k runs from c to r
                    for (int r = 0; r < length; r++) {
                        for (int c = 0; c < length; c++) {
                            double v = 0;
                            for (int k = c; k <= r; k++) {
                                v += mixed[r * length + k] * previous[k * length + c];
                            }
                            current[r * length + c] = c > r ? 0 : v;
                        }
                    }
                }
                float[] o = out[block];
                for (int i = 0; i < cells; i++) {
                    o[s * cells + i] = (float) current[i];
                }
                double[] t = previous;
                previous = current;
                current = t;
            }
        }
        return out;
    }
}
