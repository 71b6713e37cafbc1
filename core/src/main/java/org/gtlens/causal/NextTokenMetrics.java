package org.gtlens.causal;

import org.gtlens.repr.Matrix;

/**
 * The contract's measures of a changed run against the plain run of one sequence, computed in double from the two
 * runs' final log-probabilities ([length, vocabulary] each).
 */
public final class NextTokenMetrics {

    private NextTokenMetrics() {
    }

    /**
     * Mean over positions {@code j < n-1} of {@code plain_j(x_(j+1)) - changed_j(x_(j+1))}; null for a sequence of one
     * token, which has no next token to predict.
     */
    public static Double lossIncrease(Matrix plain, Matrix changed, int[] tokens) {
        int n = tokens.length;
        if (n < 2) {
            return null;
        }
        double sum = 0;
        for (int j = 0; j < n - 1; j++) {
            int next = tokens[j + 1];
            sum += (double) plain.get(j, next) - changed.get(j, next);
        }
        return sum / (n - 1);
    }

    /** {@code changed(y) - plain(y)} after the last position, y the plain run's prediction there. */
    public static double logprobChange(Matrix plain, Matrix changed) {
        int last = plain.rows() - 1;
        int y = plain.argmax(last);
        return (double) changed.get(last, y) - plain.get(last, y);
    }

    /** {@code sum_v exp(plain(v)) (plain(v) - changed(v))} after the last position; terms with probability 0 count 0. */
    public static double kl(Matrix plain, Matrix changed) {
        int last = plain.rows() - 1;
        double sum = 0;
        for (int v = 0; v < plain.cols(); v++) {
            double p = Math.exp(plain.get(last, v));
            if (p > 0) {
                sum += p * ((double) plain.get(last, v) - changed.get(last, v));
            }
        }
        return sum;
    }
}
