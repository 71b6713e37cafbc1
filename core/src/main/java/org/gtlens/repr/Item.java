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

    /**
     * The origins of the items that ran, in batch order: element {@code i} is the origin of {@code batch.sequence(i)}
     * (see {@link Extractor.ItemSink}).
     */
    public static <T> java.util.List<T> runningOrigins(java.util.List<Item<T>> items) {
        java.util.List<T> origins = new java.util.ArrayList<>(items.size());
        for (Item<T> item : items) {
            if (item.runs()) {
                origins.add(item.origin());
            }
        }
        return origins;
    }
}
