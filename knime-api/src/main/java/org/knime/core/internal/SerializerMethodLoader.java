package org.knime.core.internal;

/**
 * Stand-in for KNIME's deprecated {@code SerializerMethodLoader} (compile/test only, never shipped): only its nested
 * marker interface {@link Serializer} is needed, as the real port object and spec serializers implement it.
 */
@Deprecated
public final class SerializerMethodLoader {

    private SerializerMethodLoader() {
    }

    /**
     * Marker of serializer classes, as in KNIME.
     *
     * @param <T> the type a serializer reads and writes
     */
    public static interface Serializer<T> {
    }
}
