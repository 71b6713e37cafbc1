package org.gtlens.knimeapi.fake;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/** A class with deliberately wrong signatures, checked against made-up list lines by SignatureCheckerTest. */
public abstract class FakeBase<T extends Number> implements Comparable<T> {

    /** Listed as {@code public static final int COUNT}. */
    public int COUNT = 1;

    /** Matches the list exactly. */
    public FakeBase() {
    }

    /** Listed with a long parameter. */
    public abstract void work(int x) throws IOException;

    /** Listed without final. */
    public final String name() {
        return "";
    }

    /** Listed with an array parameter instead of varargs. */
    @SafeVarargs
    public static <E extends CharSequence> List<E> copy(final E... items) {
        return List.of(items);
    }

    /** Listed as throwing IOException. */
    protected void hook() throws Exception {
    }

    /** Listed as Map of String to Long. */
    public Map<String, Integer> map() {
        return Map.of();
    }

    /** Not listed at all. */
    public void extra() {
    }

    /** Listed without @Deprecated. */
    @Deprecated
    public void old() {
    }

    /** Matches the list exactly. */
    public <K extends Comparable<K>> K pick(final List<? extends K> from, final Class<?>... types) {
        return from.get(0);
    }

    /** Package-private: not checked. */
    void internal() {
    }
}
