package org.gtlens.causal;

/**
 * What the plain runs of a pair gave: the compared tokens and the metric of each run at the last position.
 *
 * @param pair            the pair's index in the input
 * @param answer          the token whose log-probability the metric rewards
 * @param wrong           the token it is compared with (equal to the answer: the metric is lp(answer) alone)
 * @param cleanMetric     the metric of the clean run
 * @param corruptedMetric the metric of the corrupted run
 */
public record PairOutcome(int pair, int answer, int wrong, double cleanMetric, double corruptedMetric) {

    /** Smallest |clean - corrupted| metric difference that patched values are divided by. */
    public static final double SEPARATION = 1e-6;

    /** True when the two runs differ enough to say how much a patch restores. */
    public boolean separates() {
        return Math.abs(cleanMetric - corruptedMetric) >= SEPARATION;
    }

    /** The share of the difference a patched run restores (1 all, 0 nothing), or null when the pair does not separate. */
    public Double restored(double patchedMetric) {
        return separates() ? (patchedMetric - corruptedMetric) / (cleanMetric - corruptedMetric) : null;
    }
}
