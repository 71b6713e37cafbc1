package org.gtlens;

import java.util.function.Function;

/** The one lookup of an option by the stable key settings and the command line store (case-insensitive). */
public final class Keys {

    private Keys() {
    }

    /** The value whose key is {@code key}, or null. */
    public static <E> E find(E[] values, String key, Function<E, String> keyOf) {
        if (key == null) {
            return null;
        }
        for (E e : values) {
            if (keyOf.apply(e).equalsIgnoreCase(key.strip())) {
                return e;
            }
        }
        return null;
    }
}
