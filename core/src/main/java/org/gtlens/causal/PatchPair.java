package org.gtlens.causal;

/**
 * A clean and a corrupted sequence of equal length whose predictions differ, with the tokens the metric compares.
 *
 * @param id        names the pair in tables and messages
 * @param clean     the sequence whose prediction patching tries to bring back
 * @param corrupted the sequence run with one clean activation put back
 * @param answer    the token the clean run should predict last, or null for the clean run's arg-max
 * @param wrong     the token the corrupted run predicts instead, or null for the corrupted run's arg-max
 * @param group     the pair's group for summaries, or null
 */
public record PatchPair(String id, int[] clean, int[] corrupted, Integer answer, Integer wrong, String group) {

    public PatchPair {
        clean = clean.clone();
        corrupted = corrupted.clone();
    }

    @Override
    public int[] clean() {
        return clean.clone();
    }

    @Override
    public int[] corrupted() {
        return corrupted.clone();
    }

    public int length() {
        return clean.length;
    }
}
