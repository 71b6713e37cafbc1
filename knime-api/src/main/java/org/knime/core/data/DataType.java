package org.knime.core.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.knime.core.data.collection.CollectionDataValue;
import org.knime.core.data.collection.ListDataValue;
import org.knime.core.data.convert.map.IdentifiableType;
import org.knime.core.data.image.png.PNGImageValue;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.config.ConfigRO;
import org.knime.core.node.config.ConfigWO;

/**
 * Stand-in for KNIME's {@code DataType} (compile/test only, never shipped): the type of a column, derived from a
 * cell class and the {@link DataValue} interfaces it implements (the first one is the preferred value class);
 * collection types also carry an element type. Type names are approximations of KNIME's.
 */
public final class DataType implements IdentifiableType {

    private static final Map<Class<? extends DataCell>, DataType> NATIVE = new ConcurrentHashMap<>();

    private static final String CFG_CELL_CLASS = "cell_class";

    private static final String CFG_ELEMENT = "collection_element_type";

    private static final String CFG_VALUE_CLASSES = "value_classes";

    private final Class<? extends DataCell> m_cellClass;

    private final DataType m_elementType;

    private final List<Class<? extends DataValue>> m_valueClasses;

    private DataType(final Class<? extends DataCell> cellClass, final DataType elementType,
        final List<Class<? extends DataValue>> valueClasses) {
        m_cellClass = cellClass;
        m_elementType = elementType;
        m_valueClasses = Collections.unmodifiableList(new ArrayList<>(valueClasses));
    }

    /**
     * @param cell a cell class
     * @return the type of cells of that class
     */
    public static DataType getType(final Class<? extends DataCell> cell) {
        Objects.requireNonNull(cell, "cell class");
        return NATIVE.computeIfAbsent(cell, c -> new DataType(c, null, valueClassesOf(c)));
    }

    /**
     * @param cellImplementsCollectionDataValue a collection cell class
     * @param collectionElementType the element type, may be null for non-collection classes
     * @return the type
     */
    public static DataType getType(final Class<? extends DataCell> cellImplementsCollectionDataValue,
        final DataType collectionElementType) {
        if (collectionElementType == null) {
            return getType(cellImplementsCollectionDataValue);
        }
        if (!CollectionDataValue.class.isAssignableFrom(cellImplementsCollectionDataValue)) {
            throw new IllegalArgumentException(
                cellImplementsCollectionDataValue.getName() + " does not implement CollectionDataValue");
        }
        return new DataType(cellImplementsCollectionDataValue, collectionElementType,
            valueClassesOf(cellImplementsCollectionDataValue));
    }

    @SuppressWarnings("unchecked")
    private static List<Class<? extends DataValue>> valueClassesOf(final Class<?> cellClass) {
        Set<Class<? extends DataValue>> found = new LinkedHashSet<>();
        for (Class<?> c = cellClass; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Class<?> i : c.getInterfaces()) {
                addValueInterface(i, found);
            }
        }
        found.remove(DataValue.class);
        List<Class<? extends DataValue>> list = new ArrayList<>(found);
        list.add(DataValue.class);
        return list;
    }

    @SuppressWarnings("unchecked")
    private static void addValueInterface(final Class<?> i, final Set<Class<? extends DataValue>> found) {
        if (DataValue.class.isAssignableFrom(i)) {
            found.add((Class<? extends DataValue>)i);
        }
        for (Class<?> s : i.getInterfaces()) {
            addValueInterface(s, found);
        }
    }

    /** @return the singleton missing cell (compatible with every type) */
    public static DataCell getMissingCell() {
        return MissingCell.INSTANCE;
    }

    /**
     * @param type1 a type
     * @param type2 another type
     * @return the most specific type both are compatible with
     */
    public static DataType getCommonSuperType(final DataType type1, final DataType type2) {
        if (type1.isASuperTypeOf(type2)) {
            return type1;
        }
        if (type2.isASuperTypeOf(type1)) {
            return type2;
        }
        List<Class<? extends DataValue>> common = new ArrayList<>(type1.m_valueClasses);
        common.retainAll(type2.m_valueClasses);
        DataType element = null;
        if (type1.m_elementType != null && type2.m_elementType != null) {
            element = getCommonSuperType(type1.m_elementType, type2.m_elementType);
        }
        return new DataType(null, element, common);
    }

    /**
     * @param config where a type was saved with {@link #save(ConfigWO)}
     * @return the type
     * @throws InvalidSettingsException if the content is invalid
     */
    @SuppressWarnings("unchecked")
    public static DataType load(final ConfigRO config) throws InvalidSettingsException {
        String cellClass = config.getString(CFG_CELL_CLASS);
        DataType element = config.containsKey(CFG_ELEMENT) ? load(config.getConfig(CFG_ELEMENT)) : null;
        try {
            if (cellClass != null) {
                Class<? extends DataCell> c = (Class<? extends DataCell>)Class.forName(cellClass, true,
                    classLoader()).asSubclass(DataCell.class);
                return element == null ? getType(c) : getType(c, element);
            }
            List<Class<? extends DataValue>> values = new ArrayList<>();
            for (String v : config.getStringArray(CFG_VALUE_CLASSES)) {
                values.add((Class<? extends DataValue>)Class.forName(v, true, classLoader())
                    .asSubclass(DataValue.class));
            }
            return new DataType(null, element, values);
        } catch (ClassNotFoundException | ClassCastException e) {
            throw new InvalidSettingsException("Cannot load data type: " + e.getMessage(), e);
        }
    }

    private static ClassLoader classLoader() {
        ClassLoader l = Thread.currentThread().getContextClassLoader();
        return l != null ? l : DataType.class.getClassLoader();
    }

    /** @param config where to save this type (reload with {@link #load(ConfigRO)}) */
    public void save(final ConfigWO config) {
        config.addString(CFG_CELL_CLASS, m_cellClass == null ? null : m_cellClass.getName());
        if (m_cellClass == null) {
            config.addStringArray(CFG_VALUE_CLASSES, m_valueClasses.stream().map(Class::getName).toArray(String[]::new));
        }
        if (m_elementType != null) {
            m_elementType.save(config.addConfig(CFG_ELEMENT));
        }
    }

    /** @return whether this is the type of the missing cell */
    public boolean isMissingValueType() {
        return m_cellClass == MissingCell.class;
    }

    /** @return the element type of collection types, else null */
    public DataType getCollectionElementType() {
        return m_elementType;
    }

    /** @return whether cells of this type are collections */
    public boolean isCollectionType() {
        return isCompatible(CollectionDataValue.class);
    }

    /** @return the first (preferred) value interface */
    public Class<? extends DataValue> getPreferredValueClass() {
        return m_valueClasses.get(0);
    }

    /** @return all value interfaces, preferred first */
    public List<Class<? extends DataValue>> getValueClasses() {
        return m_valueClasses;
    }

    /** @return the cell class; null for types that are the common super type of different cell classes */
    public Class<? extends DataCell> getCellClass() {
        return m_cellClass;
    }

    /**
     * @param valueClass a value interface
     * @return whether cells of this type implement it
     */
    public boolean isCompatible(final Class<? extends DataValue> valueClass) {
        if (isMissingValueType()) {
            return true;
        }
        for (Class<? extends DataValue> v : m_valueClasses) {
            if (valueClass.isAssignableFrom(v)) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param type another type
     * @return whether every cell of the other type can go into a column of this type
     */
    public boolean isASuperTypeOf(final DataType type) {
        if (type == null) {
            return false;
        }
        if (equals(type) || type.isMissingValueType()) {
            return true;
        }
        if (isMissingValueType()) {
            return false;
        }
        for (Class<? extends DataValue> v : m_valueClasses) {
            if (!type.isCompatible(v)) {
                return false;
            }
        }
        if (m_elementType != null) {
            return type.m_elementType != null && m_elementType.isASuperTypeOf(type.m_elementType);
        }
        return true;
    }

    /** @return a readable name (approximation of KNIME's type names) */
    public String getName() {
        if (isMissingValueType()) {
            return "Missing";
        }
        Class<? extends DataValue> p = getPreferredValueClass();
        String base;
        if (p == StringValue.class) {
            base = "String";
        } else if (p == IntValue.class) {
            base = "Number (Integer)";
        } else if (p == DoubleValue.class) {
            base = "Number (Float)";
        } else if (p == LongValue.class) {
            base = "Number (Long Integer)";
        } else if (p == PNGImageValue.class) {
            base = "PNG Image";
        } else if (p == ListDataValue.class) {
            base = "List";
        } else if (m_cellClass != null) {
            base = m_cellClass.getSimpleName();
        } else {
            base = "Non-native " + p.getSimpleName();
        }
        return m_elementType == null ? base : base + " of " + m_elementType.getName();
    }

    @Override
    public String getIdentifier() {
        String base = m_cellClass != null ? m_cellClass.getName() : m_valueClasses.toString();
        return m_elementType == null ? base : base + "<" + m_elementType.getIdentifier() + ">";
    }

    @Override
    public String toString() {
        return getName();
    }

    @Override
    public boolean equals(final Object other) {
        if (this == other) {
            return true;
        }
        return other instanceof DataType t && Objects.equals(m_cellClass, t.m_cellClass)
            && Objects.equals(m_elementType, t.m_elementType) && m_valueClasses.equals(t.m_valueClasses);
    }

    @Override
    public int hashCode() {
        return Objects.hash(m_cellClass, m_elementType, m_valueClasses);
    }
}
