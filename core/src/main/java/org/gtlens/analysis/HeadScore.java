package org.gtlens.analysis;

import java.util.Locale;

import org.gtlens.repr.Matrix;

/**
 * What one attention head does with a sequence, as one number each (docs/contract.md, "Head scores"): how spread its
 * attention is, how much it looks at the previous token, at itself and at the first token, and how much at earlier
 * copies of the current token or at what followed them (TransformerLens's duplicate-token and induction patterns).
 */
public enum HeadScore {
    /** Mean over query positions of the attention row's entropy (natural log, 0 ln 0 = 0). */
    ENTROPY,
    /** Mean over positions i >= 1 of a[i, i-1]; undefined (NaN) for a sequence of one token. */
    PREVIOUS_TOKEN,
    /** Mean over positions of a[i, i]. */
    SELF,
    /** Mean over positions of a[i, 0]. */
    FIRST_TOKEN,
    /**
     * Mean over positions i that have an earlier j with x_j = x_i of the sum over such j of a[i, j]; undefined (NaN)
     * when no token repeats.
     */
    DUPLICATE_TOKEN,
    /**
     * Mean over positions i that have a j with j + 1 < i and x_j = x_i of the sum over such j of a[i, j+1]: attention
     * to the token that followed an earlier copy of the current one; undefined (NaN) when no position qualifies.
     */
    INDUCTION;

    /** The name tables use, e.g. {@code previous_token}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The score of one head's attention matrix (L x L) on the sequence {@code tokens}, in double. */
    public double of(Matrix a, int[] tokens) {
        int n = a.rows();
        double sum = 0;
        switch (this) {
            case DUPLICATE_TOKEN, INDUCTION -> {
                int shift = this == INDUCTION ? 1 : 0;
                int qualifying = 0;
                for (int i = 0; i < n; i++) {
                    double row = 0;
                    boolean any = false;
                    for (int j = 0; j + shift < i; j++) {
                        if (tokens[j] == tokens[i]) {
                            row += a.get(i, j + shift);
                            any = true;
                        }
                    }
                    if (any) {
                        sum += row;
                        qualifying++;
                    }
                }
                return qualifying == 0 ? Double.NaN : sum / qualifying;
            }
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
