package org.gtlens.repr;

import java.io.IOException;
import java.util.Iterator;

import org.gtlens.GtLensException;

/**
 * Sequences pulled one at a time, so a table of any size is read as it is extracted. Unlike an Iterator it may
 * report a bad input row with a checked, user-facing exception.
 */
@FunctionalInterface
public interface SequenceSource {

    /** The next sequence, or null at the end. */
    Sequence next() throws IOException, GtLensException;

    /** The sequences as items without an origin (one group), for a run that takes items. */
    default <T> Extractor.ItemSource<T> items() {
        return () -> {
            Sequence s = next();
            return s == null ? null : new Item<>(null, s);
        };
    }

    /** A source over sequences already in memory. */
    static SequenceSource of(Iterable<Sequence> sequences) {
        Iterator<Sequence> it = sequences.iterator();
        return () -> it.hasNext() ? it.next() : null;
    }
}
