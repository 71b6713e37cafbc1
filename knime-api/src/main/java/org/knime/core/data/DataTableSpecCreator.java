package org.knime.core.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Stand-in for KNIME's {@code DataTableSpecCreator} (compile/test only, never shipped): builds table specs. */
public final class DataTableSpecCreator {

    private String m_name;

    private final List<DataColumnSpec> m_columns = new ArrayList<>();

    private final Map<String, String> m_properties = new LinkedHashMap<>();

    /** Starts empty. */
    public DataTableSpecCreator() {
        m_name = "default";
    }

    /** @param spec the spec to start from */
    public DataTableSpecCreator(final DataTableSpec spec) {
        m_name = spec.getName();
        spec.forEach(m_columns::add);
        m_properties.putAll(spec.getProperties());
    }

    /**
     * @param index a column index
     * @param colSpec the new column
     * @return this
     */
    public DataTableSpecCreator replaceColumn(final int index, final DataColumnSpec colSpec) {
        m_columns.set(index, colSpec);
        return this;
    }

    /**
     * @param columns columns to append
     * @return this
     */
    public DataTableSpecCreator addColumns(final DataColumnSpec... columns) {
        m_columns.addAll(Arrays.asList(columns));
        return this;
    }

    /**
     * @param fromSpec a spec whose columns are appended
     * @return this
     */
    public DataTableSpecCreator addColumns(final DataTableSpec fromSpec) {
        fromSpec.forEach(m_columns::add);
        return this;
    }

    /**
     * @param name the table name
     * @return this
     */
    public DataTableSpecCreator setName(final String name) {
        m_name = name;
        return this;
    }

    /**
     * @param properties properties to add
     * @return this
     */
    public DataTableSpecCreator putProperties(final Map<String, String> properties) {
        m_properties.putAll(properties);
        return this;
    }

    /**
     * @param key a property key
     * @param value its value
     * @return this
     */
    public DataTableSpecCreator putProperty(final String key, final String value) {
        m_properties.put(key, value);
        return this;
    }

    /** @return this (the stand-in keeps no domains) */
    public DataTableSpecCreator dropAllDomains() {
        return this;
    }

    /** @return this, without columns */
    public DataTableSpecCreator dropAllColumns() {
        m_columns.clear();
        return this;
    }

    /**
     * @return the spec
     * @throws IllegalArgumentException if column names are not unique
     */
    public DataTableSpec createSpec() {
        return new DataTableSpec(m_name, m_columns, m_properties);
    }
}
