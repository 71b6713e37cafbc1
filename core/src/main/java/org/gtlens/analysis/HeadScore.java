package org.gtlens.analysis;

import java.util.Locale;

import org.gtlens.repr.Matrix;

/**
 * What one attention head does with a sequence, as one number each (docs/contract.md, "Head scores"): how spread its
 * attention is, and how much it looks at the previous token, at itself and at the first token.
 */
public enum HeadScore {
    /** Mean over query positions of the attention row's entropy (natural log, 0 ln 0 = 0). */
    ENTROPY,
    /** Mean over positions i >= 1 of a[i, i-1]; undefined (NaN) for a sequence of one token. */
    PREVIOUS_TOKEN,
    /** Mean over positions of a[i, i]. */
    SELF,
    /** Mean over positions of a[i, 0]. */
    FIRST_TOKEN;

    /** The name tables use, e.g. {@code previous_token}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The score of one head's attention matrix (L x L), in double. */
    public double of(Matrix a) {
        int n = a.rows();
        double sum = 0;
        switch (this) {
            case ENTROPY -> {
                for (int i = 0; i < n; i++) {
                    double h = 0;
                    for (int j = 0; j < a.cols(); j++) {
                        double p = a.get(i, j);
                        h -= p > 0 ? p * Math.log(p) : 0;
                    }
                    sum += h;
                }
                return sum / n;
            }
            case PREVIOUS_TOKEN -> {
                if (n < 2) {
                    return Double.NaN;
                }
                for (int i = 1; i < n; i++) {
                    sum += a.get(i, i - 1);
                }
                return sum / (n - 1);
            }
            case SELF -> {
                for (int i = 0; i < n; i++) {
                    sum += a.get(i, i);
                }
                return sum / n;
            }
            default -> {
                for (int i = 0; i < n; i++) {
                    sum += a.get(i, 0);
                }
                return sum / n;
            }
        }
    }
}
