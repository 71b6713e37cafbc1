package org.gtlens.analysis;

import java.util.Locale;

import org.gtlens.repr.Matrix;

/**
 * How far a block's logit lens is from the model's answer at one position (docs/contract.md, "Logit-lens
 * statistics"), from the block's and the final log-probabilities.
 */
public enum LensStat {
    /** Entropy of the block's distribution. */
    ENTROPY,
    /** KL divergence from the block's distribution to the final one: sum p_f (ln p_f - ln p_b). */
    KL_TO_FINAL,
    /** How many tokens the block ranks strictly above the final arg-max token (0: it already predicts it). */
    FINAL_TOKEN_RANK,
    /** The block's largest probability. */
    MAX_PROBABILITY;

    /** The name tables use, e.g. {@code kl_to_final}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The statistic at row {@code r}.
     *
     * @param lens  the block's log-probabilities [L, V]
     * @param fin   the final log-probabilities [L, V]
     * @param top   the final distribution's most probable token at that row (see {@link #finalToken})
     */
    public double of(Matrix lens, Matrix fin, int r, int top) {
        int v = lens.cols();
        switch (this) {
            case ENTROPY -> {
                double h = 0;
                for (int c = 0; c < v; c++) {
                    double lp = lens.get(r, c);
                    double p = Math.exp(lp);
                    h -= p > 0 ? p * lp : 0;
                }
                return h;
            }
            case KL_TO_FINAL -> {
                double kl = 0;
                for (int c = 0; c < v; c++) {
                    double lf = fin.get(r, c);
                    double pf = Math.exp(lf);
                    kl += pf > 0 ? pf * (lf - lens.get(r, c)) : 0;
                }
                return kl;
            }
            case FINAL_TOKEN_RANK -> {
                float at = lens.get(r, top);
                int above = 0;
                for (int c = 0; c < v; c++) {
                    above += lens.get(r, c) > at ? 1 : 0;
                }
                return above;
            }
            default -> {
                float max = Float.NEGATIVE_INFINITY;
                for (int c = 0; c < v; c++) {
                    max = Math.max(max, lens.get(r, c));
                }
                return Math.exp(max);
            }
        }
    }

    /** The most probable token of a row, the smallest id among equals. */
    public static int finalToken(Matrix fin, int r) {
        return fin.argmax(r);
    }
}
