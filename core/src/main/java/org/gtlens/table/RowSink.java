package org.gtlens.table;

/**
 * Receives the rows of a table that follows a {@link TableSchema}, one value per column in its order: a
 * {@code String} for text, an {@code Integer} for integers, a {@code Double} (or {@code Float}) for numbers, null for
 * an empty cell. The CSV writer and the KNIME tables take the same rows.
 */
@FunctionalInterface
public interface RowSink<E extends Exception> {

    void row(Object... values) throws E;
}
