package org.gtlens.table;

import org.gtlens.Keyed;

/**
 * The two shapes of a representation table: one row per value (what joins, filters and group-bys in any table tool
 * handle best) or one row per matrix row (far fewer rows).
 */
public enum Layout implements Keyed {
    LONG("long"),
    MATRIX("matrix");

    private final String key;

    Layout(String key) {
        this.key = key;
    }

    @Override
    public String key() {
        return key;
    }

    /** The layout of a key (case-insensitive), or null. */
    public static Layout fromKey(String key) {
        return Keyed.find(Layout.class, key);
    }
}
