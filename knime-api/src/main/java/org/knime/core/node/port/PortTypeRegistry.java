package org.knime.core.node.port;

import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stand-in for KNIME's {@code PortTypeRegistry} (compile/test only, never shipped). KNIME registers port types and
 * their serializers through the {@code org.knime.core.PortType} extension point; the stand-in accepts any port
 * object class and finds serializers as public static nested classes of the port object (spec) class or one of
 * its superclasses, the usual KNIME convention ({@code public static final class Serializer extends ...}).
 */
public final class PortTypeRegistry {

    private static final PortTypeRegistry INSTANCE = new PortTypeRegistry();

    private final Map<List<Object>, PortType> m_types = new ConcurrentHashMap<>();

    private PortTypeRegistry() {
    }

    /** @return the singleton */
    public static PortTypeRegistry getInstance() {
        return INSTANCE;
    }

    /** @return the port types requested so far */
    public Collection<PortType> availablePortTypes() {
        return Collections.unmodifiableCollection(new ArrayList<>(m_types.values()));
    }

    /**
     * @param portClass a port object class
     * @return its (non-optional) port type
     */
    public PortType getPortType(final Class<? extends PortObject> portClass) {
        return getPortType(portClass, false);
    }

    /**
     * @param portClass a port object class
     * @param isOptional whether the port may be left unconnected
     * @return its port type
     */
    public PortType getPortType(final Class<? extends PortObject> portClass, final boolean isOptional) {
        return m_types.computeIfAbsent(List.of(portClass, isOptional), k -> new PortType(portClass, isOptional));
    }

    /**
     * @param className a class name
     * @return the port object class of that name, if it is one
     */
    public Optional<Class<? extends PortObject>> getObjectClass(final String className) {
        return load(className, PortObject.class);
    }

    /**
     * @param className a class name
     * @return the spec class of that name, if it is one
     */
    public Optional<Class<? extends PortObjectSpec>> getSpecClass(final String className) {
        return load(className, PortObjectSpec.class);
    }

    private static <T> Optional<Class<? extends T>> load(final String className, final Class<T> base) {
        try {
            ClassLoader l = Thread.currentThread().getContextClassLoader();
            Class<?> c = Class.forName(className, false, l != null ? l : PortTypeRegistry.class.getClassLoader());
            return base.isAssignableFrom(c) ? Optional.of(c.asSubclass(base)) : Optional.empty();
        } catch (ClassNotFoundException e) {
            return Optional.empty();
        }
    }

    /**
     * @param objectClass a port object class
     * @return its serializer: a public static nested subclass of {@link PortObject.PortObjectSerializer}
     */
    @SuppressWarnings("unchecked")
    public Optional<PortObject.PortObjectSerializer<PortObject>>
        getObjectSerializer(final Class<? extends PortObject> objectClass) {
        return (Optional<PortObject.PortObjectSerializer<PortObject>>)(Optional<?>)findNested(objectClass,
            PortObject.PortObjectSerializer.class);
    }

    /**
     * @param specClass a spec class
     * @return its serializer: a public static nested subclass of {@link PortObjectSpec.PortObjectSpecSerializer}
     */
    @SuppressWarnings("unchecked")
    public Optional<PortObjectSpec.PortObjectSpecSerializer<PortObjectSpec>>
        getSpecSerializer(final Class<? extends PortObjectSpec> specClass) {
        return (Optional<PortObjectSpec.PortObjectSpecSerializer<PortObjectSpec>>)(Optional<?>)findNested(specClass,
            PortObjectSpec.PortObjectSpecSerializer.class);
    }

    private static Optional<Object> findNested(final Class<?> owner, final Class<?> serializerBase) {
        for (Class<?> c = owner; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Class<?> nested : c.getDeclaredClasses()) {
                int m = nested.getModifiers();
                if (serializerBase.isAssignableFrom(nested) && Modifier.isStatic(m) && Modifier.isPublic(m)
                    && !Modifier.isAbstract(m)) {
                    try {
                        Constructor<?> k = nested.getDeclaredConstructor();
                        k.setAccessible(true);
                        return Optional.of(k.newInstance());
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException("Cannot instantiate serializer " + nested.getName(), e);
                    }
                }
            }
        }
        return Optional.empty();
    }
}
