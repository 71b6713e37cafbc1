package org.gtlens.table;

/**
 * The two shapes of a representation table: one row per value (what joins, filters and group-bys in any table tool
 * handle best) or one row per matrix row (far fewer rows). The key is what settings and the command line store.
 */
public enum Layout {
    LONG("long"),
    MATRIX("matrix");

    private final String key;

    Layout(String key) {
        this.key = key;
    }

    /** The stable spelling stored in settings and accepted by {@code --layout}. */
    public String key() {
        return key;
    }

    /** The layout of a key (case-insensitive), or null. */
    public static Layout fromKey(String key) {
        return org.gtlens.Keys.find(values(), key, Layout::key);
    }
}
