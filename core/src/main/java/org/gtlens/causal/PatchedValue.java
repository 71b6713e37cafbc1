package org.gtlens.causal;

/**
 * How much of a pair's clean prediction one patch restored.
 *
 * @param pair     the pair's index in the input
 * @param site     where the clean activation was put back
 * @param block    the block of the site
 * @param head     the head ({@link PatchSite#HEAD}), else -1
 * @param position the position ({@link PatchSite#RESID}), else -1
 * @param value    the restored share, null when the pair does not separate
 */
public record PatchedValue(int pair, PatchSite site, int block, int head, int position, Double value) {
}
