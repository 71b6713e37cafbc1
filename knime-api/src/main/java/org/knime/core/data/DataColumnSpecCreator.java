package org.knime.core.data;

import java.util.List;
import java.util.Objects;

/** Stand-in for KNIME's {@code DataColumnSpecCreator} (compile/test only, never shipped): builds column specs. */
public final class DataColumnSpecCreator {

    private String m_name;

    private DataType m_type;

    private List<String> m_elementNames = List.of();

    /**
     * @param name the column name
     * @param type the column type
     */
    public DataColumnSpecCreator(final String name, final DataType type) {
        setName(name);
        setType(type);
    }

    /** @param cspec the column to start from */
    public DataColumnSpecCreator(final DataColumnSpec cspec) {
        this(cspec.getName(), cspec.getType());
        m_elementNames = cspec.explicitElementNames();
    }

    /** @param name the new name, not null */
    public void setName(final String name) {
        m_name = Objects.requireNonNull(name, "Column name must not be null.");
    }

    /** @param elNames element names (e.g. of a list column), may be null */
    public void setElementNames(final String[] elNames) {
        m_elementNames = elNames == null ? List.of() : List.of(elNames);
    }

    /** @param type the new type, not null */
    public void setType(final DataType type) {
        m_type = Objects.requireNonNull(type, "Column type must not be null.");
    }

    /** @return the current type */
    public DataType getType() {
        return m_type;
    }

    /** Does nothing: the stand-in keeps no handlers. */
    public void removeAllHandlers() {
        // no handlers in the stand-in
    }

    /** @return the column spec */
    public DataColumnSpec createSpec() {
        return new DataColumnSpec(m_name, m_type, m_elementNames);
    }
}
