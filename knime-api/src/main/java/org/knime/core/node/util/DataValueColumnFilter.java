package org.knime.core.node.util;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataValue;

/**
 * Stand-in for KNIME's {@code DataValueColumnFilter} (compile/test only, never shipped): accepts columns whose type
 * is compatible with any of the given value classes.
 */
public class DataValueColumnFilter implements ColumnFilter {

    private final List<Class<? extends DataValue>> m_classes;

    /** @param filterValueClasses accepted value classes, at least one */
    @SafeVarargs
    @SuppressWarnings("varargs")
    public DataValueColumnFilter(final Class<? extends DataValue>... filterValueClasses) {
        this(Arrays.asList(filterValueClasses));
    }

    /** @param filterValueClasses accepted value classes, at least one */
    public DataValueColumnFilter(final Collection<Class<? extends DataValue>> filterValueClasses) {
        if (filterValueClasses == null || filterValueClasses.isEmpty()) {
            throw new IllegalArgumentException("Classes must not be null or empty");
        }
        m_classes = new ArrayList<>(filterValueClasses);
    }

    @Override
    public boolean includeColumn(final DataColumnSpec colSpec) {
        for (Class<? extends DataValue> c : m_classes) {
            if (colSpec.getType().isCompatible(c)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String allFilteredMsg() {
        StringBuilder b = new StringBuilder("No column in spec compatible to");
        for (int i = 0; i < m_classes.size(); i++) {
            b.append(" \"").append(m_classes.get(i).getSimpleName()).append('"');
            if (m_classes.size() > 1 && i == m_classes.size() - 2) {
                b.append(" or");
            }
        }
        return b.append('.').toString();
    }

    private String names() {
        return m_classes.stream().map(Class::getSimpleName).collect(Collectors.joining(", ", "\"", "\""));
    }

    @Override
    public String toString() {
        return "DataValueColumnFilter " + names();
    }
}
