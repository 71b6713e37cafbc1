package org.knime.core.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import javax.swing.JComponent;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.config.ConfigRO;
import org.knime.core.node.config.ConfigWO;
import org.knime.core.node.port.PortObjectSpec;

/**
 * Stand-in for KNIME's {@code DataTableSpec} (compile/test only, never shipped): the ordered, uniquely named columns
 * of a table, a table name and string properties. {@link #equals(Object)} compares columns and properties (not the
 * name); {@link #equalStructure(DataTableSpec)} compares column names and types.
 */
public final class DataTableSpec implements PortObjectSpec, Iterable<DataColumnSpec> {

    private static final String DEFAULT_NAME = "default";

    private static final String CFG_NAME = "spec_name";

    private static final String CFG_COLUMNS = "number_columns";

    private static final String CFG_COLUMN = "column_spec_";

    private static final String CFG_PROPERTIES = "properties";

    private final String m_name;

    private final List<DataColumnSpec> m_columns;

    private final Map<String, Integer> m_index = new HashMap<>();

    private final Map<String, String> m_properties;

    /** An empty spec. */
    public DataTableSpec() {
        this(DEFAULT_NAME);
    }

    /** @param colSpecs the columns, uniquely named */
    public DataTableSpec(final DataColumnSpec... colSpecs) {
        this(DEFAULT_NAME, colSpecs);
    }

    /**
     * @param spec1 first columns
     * @param spec2 further columns (names must differ from the first ones)
     */
    public DataTableSpec(final DataTableSpec spec1, final DataTableSpec spec2) {
        this(DEFAULT_NAME, spec1, spec2);
    }

    /** @param name the table name of an empty spec */
    public DataTableSpec(final String name) {
        this(name, new DataColumnSpec[0]);
    }

    /**
     * @param name the table name
     * @param colSpecs the columns, uniquely named
     */
    public DataTableSpec(final String name, final DataColumnSpec... colSpecs) {
        this(name, Arrays.asList(colSpecs), Map.of());
    }

    /**
     * @param name the table name
     * @param spec1 first columns
     * @param spec2 further columns
     */
    public DataTableSpec(final String name, final DataTableSpec spec1, final DataTableSpec spec2) {
        this(name, concat(spec1, spec2), Map.of());
    }

    /**
     * @param name the table name
     * @param names the column names
     * @param types the column types, same length
     */
    public DataTableSpec(final String name, final String[] names, final DataType[] types) {
        this(name, createColumnSpecs(names, types));
    }

    /**
     * @param names the column names
     * @param types the column types, same length
     */
    public DataTableSpec(final String[] names, final DataType[] types) {
        this(DEFAULT_NAME, names, types);
    }

    DataTableSpec(final String name, final List<DataColumnSpec> columns, final Map<String, String> properties) {
        m_name = name == null ? DEFAULT_NAME : name;
        m_columns = Collections.unmodifiableList(new ArrayList<>(columns));
        for (int i = 0; i < m_columns.size(); i++) {
            DataColumnSpec c = Objects.requireNonNull(m_columns.get(i), "column spec at index " + i);
            if (m_index.put(c.getName(), i) != null) {
                throw new IllegalArgumentException("Duplicate column name \"" + c.getName() + "\" in table spec");
            }
        }
        m_properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    private static List<DataColumnSpec> concat(final DataTableSpec a, final DataTableSpec b) {
        List<DataColumnSpec> l = new ArrayList<>(a.m_columns);
        l.addAll(b.m_columns);
        return l;
    }

    /**
     * @param names column names
     * @param types column types, same length
     * @return the column specs
     */
    public static final DataColumnSpec[] createColumnSpecs(final String[] names, final DataType[] types) {
        if (names.length != types.length) {
            throw new IllegalArgumentException("names and types differ in length");
        }
        DataColumnSpec[] s = new DataColumnSpec[names.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = new DataColumnSpecCreator(names[i], types[i]).createSpec();
        }
        return s;
    }

    /**
     * @param columns column names
     * @return their indices
     * @throws IllegalArgumentException if a column is unknown
     */
    public int[] columnsToIndices(final String... columns) {
        int[] idx = new int[columns.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = findColumnIndex(columns[i]);
            if (idx[i] < 0) {
                throw new IllegalArgumentException("Column \"" + columns[i] + "\" not in spec");
            }
        }
        return idx;
    }

    /**
     * @param indices column indices
     * @throws IndexOutOfBoundsException if one is out of range
     */
    public void verifyIndices(final int... indices) {
        for (int i : indices) {
            if (i < 0 || i >= m_columns.size()) {
                throw new IndexOutOfBoundsException("Column index " + i + " out of range [0, " + m_columns.size() + ")");
            }
        }
    }

    /**
     * @param valueClass a value interface
     * @return whether some column's type is compatible with it
     */
    public boolean containsCompatibleType(final Class<? extends DataValue> valueClass) {
        return m_columns.stream().anyMatch(c -> c.getType().isCompatible(valueClass));
    }

    /**
     * @param columnName a name
     * @return whether a column of that name exists
     */
    public boolean containsName(final String columnName) {
        return m_index.containsKey(columnName);
    }

    /**
     * @param spec another spec
     * @return whether it has the same column names and compatible types
     */
    public boolean isCompatibleWith(final DataTableSpec spec) {
        if (spec == null || spec.getNumColumns() != getNumColumns()) {
            return false;
        }
        for (int i = 0; i < m_columns.size(); i++) {
            if (!m_columns.get(i).isCompatibleWith(spec.getColumnSpec(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * @param spec another spec
     * @return whether column names and types are equal
     */
    public boolean equalStructure(final DataTableSpec spec) {
        if (spec == null || spec.getNumColumns() != getNumColumns()) {
            return false;
        }
        for (int i = 0; i < m_columns.size(); i++) {
            if (!m_columns.get(i).equalStructure(spec.getColumnSpec(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(final Object obj) {
        return obj == this
            || (obj instanceof DataTableSpec s && s.m_columns.equals(m_columns) && s.m_properties.equals(m_properties));
    }

    @Override
    public int hashCode() {
        return m_columns.hashCode();
    }

    /** @return the table properties (unmodifiable) */
    public Map<String, String> getProperties() {
        return m_properties;
    }

    /**
     * @param columnName a name
     * @return the column index or -1
     */
    public int findColumnIndex(final String columnName) {
        Integer i = columnName == null ? null : m_index.get(columnName);
        return i == null ? -1 : i;
    }

    /** @return the column names in order */
    public final String[] getColumnNames() {
        return m_columns.stream().map(DataColumnSpec::getName).toArray(String[]::new);
    }

    /**
     * @param index a column index
     * @return the column
     */
    public DataColumnSpec getColumnSpec(final int index) {
        return m_columns.get(index);
    }

    /**
     * @param column a column name
     * @return the column or null
     */
    public DataColumnSpec getColumnSpec(final String column) {
        int i = findColumnIndex(column);
        return i < 0 ? null : m_columns.get(i);
    }

    /** @return the table name */
    public String getName() {
        return m_name;
    }

    /** @return the number of columns */
    public int getNumColumns() {
        return m_columns.size();
    }

    @Override
    public Iterator<DataColumnSpec> iterator() {
        return m_columns.iterator();
    }

    /** @return the columns as a stream */
    public Stream<DataColumnSpec> stream() {
        return m_columns.stream();
    }

    /** @param config where to save this spec (reload with {@link #load(ConfigRO)}) */
    public void save(final ConfigWO config) {
        config.addString(CFG_NAME, m_name);
        config.addInt(CFG_COLUMNS, m_columns.size());
        for (int i = 0; i < m_columns.size(); i++) {
            m_columns.get(i).save(config.addConfig(CFG_COLUMN + i));
        }
        ConfigWO props = config.addConfig(CFG_PROPERTIES);
        m_properties.forEach(props::addString);
    }

    /**
     * @param config where a spec was saved with {@link #save(ConfigWO)}
     * @return the spec
     * @throws InvalidSettingsException if the content is invalid
     */
    public static DataTableSpec load(final ConfigRO config) throws InvalidSettingsException {
        int n = config.getInt(CFG_COLUMNS);
        List<DataColumnSpec> cols = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            cols.add(DataColumnSpec.load(config.getConfig(CFG_COLUMN + i)));
        }
        Map<String, String> props = new LinkedHashMap<>();
        if (config.containsKey(CFG_PROPERTIES)) {
            ConfigRO p = config.getConfig(CFG_PROPERTIES);
            for (String k : p.keySet()) {
                props.put(k, p.getString(k));
            }
        }
        return new DataTableSpec(config.getString(CFG_NAME), cols, props);
    }

    /**
     * @param specs specs to merge; columns with the same name must have the same structure
     * @return a spec with all distinct columns, in order
     */
    public static DataTableSpec mergeDataTableSpecs(final DataTableSpec... specs) {
        List<DataColumnSpec> cols = new ArrayList<>();
        Map<String, DataColumnSpec> seen = new HashMap<>();
        Map<String, String> props = new LinkedHashMap<>();
        for (DataTableSpec s : specs) {
            for (DataColumnSpec c : s) {
                DataColumnSpec old = seen.putIfAbsent(c.getName(), c);
                if (old == null) {
                    cols.add(c);
                } else if (!old.equalStructure(c)) {
                    throw new IllegalArgumentException("Column \"" + c.getName() + "\" has different types: "
                        + old.getType() + " and " + c.getType());
                }
            }
            props.putAll(s.m_properties);
        }
        return new DataTableSpec(specs.length > 0 ? specs[0].getName() : DEFAULT_NAME, cols, props);
    }

    /**
     * As KNIME's: the trimmed name, or the trimmed name with " (#i)" appended (the first i from 1 that is free).
     *
     * @param spec a spec (not null)
     * @param columnName a wanted name (not null)
     * @return a name the spec does not contain
     */
    public static String getUniqueColumnName(final DataTableSpec spec, final String columnName) {
        if (columnName == null) {
            throw new NullPointerException("Column name must not be null.");
        }
        String trimmed = columnName.trim();
        String result = trimmed;
        for (int i = 1; spec.containsName(result); i++) {
            result = trimmed + " (#" + i + ")";
        }
        return result;
    }

    @Override
    public String toString() {
        return "name=" + m_name + ",columns=" + m_columns;
    }

    @Override
    public JComponent[] getViews() {
        return new JComponent[0];
    }
}
