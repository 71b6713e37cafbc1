package org.knime.core.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.config.ConfigRO;
import org.knime.core.node.config.ConfigWO;

/**
 * Stand-in for KNIME's {@code DataColumnSpec} (compile/test only, never shipped): name, type and element names of
 * a column (no domain, properties or handlers). Created with {@link DataColumnSpecCreator}.
 */
public final class DataColumnSpec {

    private static final String CFG_NAME = "column_name";

    private static final String CFG_TYPE = "column_type";

    private static final String CFG_ELEMENT_NAMES = "element_names";

    private final String m_name;

    private final DataType m_type;

    private final List<String> m_elementNames;

    DataColumnSpec(final String name, final DataType type, final List<String> elementNames) {
        m_name = Objects.requireNonNull(name, "column name");
        m_type = Objects.requireNonNull(type, "column type");
        m_elementNames = Collections.unmodifiableList(new ArrayList<>(elementNames));
    }

    /** @return the column name */
    public String getName() {
        return m_name;
    }

    /** @return the element names (by default the column name) */
    public List<String> getElementNames() {
        return m_elementNames.isEmpty() ? List.of(m_name) : m_elementNames;
    }

    /** Element names as set explicitly (empty when not set). */
    List<String> explicitElementNames() {
        return m_elementNames;
    }

    /** @return the column type */
    public DataType getType() {
        return m_type;
    }

    /**
     * @param cspec another column
     * @return whether it has the same name and a type this column's type is a super type of
     */
    public boolean isCompatibleWith(final DataColumnSpec cspec) {
        return cspec != null && m_name.equals(cspec.m_name) && m_type.isASuperTypeOf(cspec.m_type);
    }

    /**
     * @param cspec another column
     * @return whether name and type are equal
     */
    public boolean equalStructure(final DataColumnSpec cspec) {
        return cspec != null && m_name.equals(cspec.m_name) && m_type.equals(cspec.m_type);
    }

    @Override
    public boolean equals(final Object o) {
        return o == this || (o instanceof DataColumnSpec c && equalStructure(c)
            && getElementNames().equals(c.getElementNames()));
    }

    @Override
    public int hashCode() {
        return Objects.hash(m_name, m_type);
    }

    @Override
    public String toString() {
        return m_name + " (" + m_type + ")";
    }

    /** @param config where to save this column */
    public void save(final ConfigWO config) {
        config.addString(CFG_NAME, m_name);
        m_type.save(config.addConfig(CFG_TYPE));
        config.addStringArray(CFG_ELEMENT_NAMES, m_elementNames.toArray(new String[0]));
    }

    /**
     * @param config where a column was saved with {@link #save(ConfigWO)}
     * @return the column
     * @throws InvalidSettingsException if the content is invalid
     */
    public static DataColumnSpec load(final ConfigRO config) throws InvalidSettingsException {
        String[] elementNames = config.getStringArray(CFG_ELEMENT_NAMES, new String[0]);
        return new DataColumnSpec(config.getString(CFG_NAME), DataType.load(config.getConfig(CFG_TYPE)),
            elementNames == null ? List.of() : List.of(elementNames));
    }
}
