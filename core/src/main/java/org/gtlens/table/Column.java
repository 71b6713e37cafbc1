package org.gtlens.table;

import java.util.Locale;

/**
 * One column of an output table: the key files and the command line use ({@code row_label}), the title KNIME shows
 * ({@code Row label}) and the type of its cells.
 *
 * @param key   the stable name in CSV headers
 * @param title the name of the column in KNIME tables
 * @param type  what its cells hold
 */
public record Column(String key, String title, Type type) {

    /** What the cells of a column hold. */
    public enum Type {
        /** Text (ids, labels, kinds). */
        TEXT,
        /** A 32-bit integer (indices, counts, tokens); empty where it does not apply. */
        INTEGER,
        /** A floating-point number (values). */
        NUMBER
    }

    /** True when a table's column name is this column, by key or by title (case-insensitive). */
    public boolean isNamed(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        return n.equals(key.toLowerCase(Locale.ROOT)) || n.equals(title.toLowerCase(Locale.ROOT));
    }
}
