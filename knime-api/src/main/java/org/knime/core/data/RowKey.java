package org.knime.core.data;

import java.util.Objects;

/** Stand-in for KNIME's {@code RowKey} (compile/test only, never shipped): the non-null ID of a row. */
public final class RowKey implements RowKeyValue {

    private final String m_id;

    /** @param id the row ID, not null */
    public RowKey(final String id) {
        m_id = Objects.requireNonNull(id, "Row key must not be null");
    }

    @Override
    public String getString() {
        return m_id;
    }

    /** @return this */
    public RowKey materializeRowKey() {
        return this;
    }

    @Override
    public String toString() {
        return m_id;
    }

    @Override
    public boolean equals(final Object obj) {
        return obj == this || (obj instanceof RowKey k && k.m_id.equals(m_id));
    }

    @Override
    public int hashCode() {
        return m_id.hashCode();
    }

    /**
     * @param rowKeys keys
     * @return their strings
     */
    public static String[] toStrings(final RowKey... rowKeys) {
        String[] s = new String[rowKeys.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = rowKeys[i].getString();
        }
        return s;
    }

    /**
     * @param strs strings
     * @return keys with these IDs
     */
    public static RowKey[] toRowKeys(final String... strs) {
        RowKey[] k = new RowKey[strs.length];
        for (int i = 0; i < k.length; i++) {
            k[i] = new RowKey(strs[i]);
        }
        return k;
    }

    /**
     * @param rowIndex a row index
     * @return the KNIME default key "Row" + index
     */
    public static RowKey createRowKey(final long rowIndex) {
        return new RowKey("Row" + rowIndex);
    }
}
