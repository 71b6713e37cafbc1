package org.gtlens;

import java.util.ArrayList;
import java.util.List;

/**
 * A choice with a stable key: what settings store and the command line takes (case-insensitive), never its label,
 * so labels may change without breaking saved workflows. Lookups and the sentence for an unknown key live here.
 */
public interface Keyed {

    /** The stable spelling. */
    String key();

    /** The constant of {@code type} whose key is {@code key} (case-insensitive, surrounding blanks ignored), or null. */
    static <E extends Enum<E> & Keyed> E find(Class<E> type, String key) {
        if (key == null) {
            return null;
        }
        for (E e : type.getEnumConstants()) {
            if (e.key().equalsIgnoreCase(key.strip())) {
                return e;
            }
        }
        return null;
    }

    /**
     * The constant of {@code type} whose key is {@code key}.
     *
     * @param what what the choice is called in the sentence, e.g. "layout"
     * @throws IllegalArgumentException "'x' is not a layout; choose long or matrix"
     */
    static <E extends Enum<E> & Keyed> E parse(Class<E> type, String key, String what) {
        E e = find(type, key);
        if (e == null) {
            throw new IllegalArgumentException("'" + key + "' is not a " + what + "; choose " + keys(type));
        }
        return e;
    }

    /** The keys of {@code type} as a sentence ends them: "long or matrix", "auto, on or off". */
    static <E extends Enum<E> & Keyed> String keys(Class<E> type) {
        List<String> keys = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            keys.add(e.key());
        }
        if (keys.size() == 1) {
            return keys.get(0);
        }
        return String.join(", ", keys.subList(0, keys.size() - 1)) + " or " + keys.get(keys.size() - 1);
    }
}
