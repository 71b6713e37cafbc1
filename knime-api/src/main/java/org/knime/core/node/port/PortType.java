package org.knime.core.node.port;

import java.lang.reflect.Method;
import java.util.Objects;

import org.knime.core.node.BufferedDataTable;

/**
 * Stand-in for KNIME's {@code PortType} (compile/test only, never shipped): a port object class plus the optional
 * flag; obtain instances from {@link PortTypeRegistry}.
 */
public final class PortType {

    private final Class<? extends PortObject> m_objectClass;

    private final boolean m_optional;

    PortType(final Class<? extends PortObject> objectClass, final boolean optional) {
        m_objectClass = Objects.requireNonNull(objectClass);
        m_optional = optional;
    }

    /** @return a readable name ("Data" for tables, else the class name) */
    public String getName() {
        return m_objectClass == BufferedDataTable.class ? "Data" : m_objectClass.getSimpleName();
    }

    /** @return an RGB color derived from the class name */
    public int getColor() {
        return m_objectClass == BufferedDataTable.class ? 0x000000 : (m_objectClass.getName().hashCode() & 0xFFFFFF);
    }

    /** @return the spec class (the return type of the port object's getSpec()) */
    public Class<? extends PortObjectSpec> getPortObjectSpecClass() {
        return getPortObjectSpecClass(m_objectClass);
    }

    /** @return the port object class */
    public Class<? extends PortObject> getPortObjectClass() {
        return m_objectClass;
    }

    /** @return whether the port may be left unconnected */
    public boolean isOptional() {
        return m_optional;
    }

    /** @return false */
    public boolean isHidden() {
        return false;
    }

    /**
     * @param subType another type
     * @return whether its objects are objects of this type
     */
    public boolean isSuperTypeOf(final PortType subType) {
        return m_objectClass.isAssignableFrom(subType.m_objectClass);
    }

    /**
     * @param spec a spec, may be null
     * @return whether it is null or of this type's spec class
     */
    public boolean acceptsPortObjectSpec(final PortObjectSpec spec) {
        return spec == null || getPortObjectSpecClass().isInstance(spec);
    }

    /**
     * @param portObjectClass a class
     * @return whether its objects can be connected to a port of this type
     */
    public boolean acceptsPortObjectClass(final Class<? extends PortObject> portObjectClass) {
        return m_objectClass.isAssignableFrom(portObjectClass);
    }

    /**
     * @param obj an object, may be null
     * @return whether it is an instance of the port object class (null only for optional ports)
     */
    public boolean acceptsPortObject(final PortObject obj) {
        return obj == null ? m_optional : m_objectClass.isInstance(obj);
    }

    /**
     * @param objectClass a port object class
     * @return the return type of its {@code getSpec()} method
     */
    public static Class<? extends PortObjectSpec> getPortObjectSpecClass(
        final Class<? extends PortObject> objectClass) {
        try {
            Method m = objectClass.getMethod("getSpec");
            return m.getReturnType().asSubclass(PortObjectSpec.class);
        } catch (NoSuchMethodException | ClassCastException e) {
            return PortObjectSpec.class;
        }
    }

    @Override
    public String toString() {
        return getName() + (m_optional ? " (optional)" : "");
    }

    @Override
    public int hashCode() {
        return Objects.hash(m_objectClass, m_optional);
    }

    @Override
    public boolean equals(final Object obj) {
        return obj instanceof PortType t && t.m_objectClass == m_objectClass && t.m_optional == m_optional;
    }
}
