package org.gtlens.repr;

/**
 * One unit of input as its source knows it (a KNIME row, a CSV record) with the sequence read from it, or with no
 * sequence when the source decided to pass it through without running it (a bad row under a skip policy), so a sink
 * can keep every input unit in order.
 *
 * @param origin   what the source read (handed back to the sink unchanged)
 * @param sequence the sequence to run, or null to pass the origin through
 * @param <T>      the source's own type of unit
 */
public record Item<T>(T origin, Sequence sequence) {

    /** An item that is not run, only handed to the sink in its place. */
    public static <T> Item<T> passThrough(T origin) {
        return new Item<>(origin, null);
    }

    /** True when this item has a sequence to run. */
    public boolean runs() {
        return sequence != null;
    }
}
