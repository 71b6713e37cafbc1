package org.gtlens.run;

/** The tables a run writes besides its predictions; each has one schema per per-sequence and aggregated form. */
public enum Output {
    /** The selected representations, in the long or the matrix layout, or their means per group. */
    REPRESENTATIONS,
    /** Head scores per block and head. */
    HEAD_SCORES,
    /** Logit-lens statistics per block and position. */
    LENS_STATS
}
