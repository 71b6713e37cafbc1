package org.knime.core.node.config.base;

import java.util.Objects;

/** Stand-in helper (package-private): a leaf of a settings tree holding one primitive, string or password value. */
final class ValueEntry extends AbstractConfigEntry {

    private static final long serialVersionUID = 1L;

    /** The value kinds of a leaf. */
    enum Type {
        INT, DOUBLE, FLOAT, CHAR, SHORT, LONG, BYTE, STRING, BOOLEAN, PASSWORD, TRANSIENT_STRING
    }

    private final Type m_type;

    private final Object m_value;

    /** Transient strings are kept in memory only and never serialized, as in KNIME. */
    private final transient String m_transient;

    ValueEntry(final String key, final Type type, final Object value) {
        super(key);
        m_type = type;
        m_value = type == Type.TRANSIENT_STRING ? null : value;
        m_transient = type == Type.TRANSIENT_STRING ? (String)value : null;
    }

    Type type() {
        return m_type;
    }

    Object value() {
        return m_type == Type.TRANSIENT_STRING ? m_transient : m_value;
    }

    @Override
    public String toStringValue() {
        return m_type == Type.PASSWORD ? "********" : String.valueOf(value());
    }

    @Override
    boolean sameValue(final AbstractConfigEntry other) {
        ValueEntry o = (ValueEntry)other;
        return m_type == o.m_type && Objects.equals(value(), o.value());
    }
}
