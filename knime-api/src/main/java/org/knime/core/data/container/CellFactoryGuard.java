package org.knime.core.data.container;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Stand-in helper (package-private): the one-argument and two-argument {@code getCells}/{@code getCell} methods
 * delegate to each other by default; this guard turns the endless recursion (neither overridden) into a clear error.
 */
final class CellFactoryGuard {

    private static final ThreadLocal<Set<Object>> ACTIVE =
        ThreadLocal.withInitial(() -> Collections.newSetFromMap(new IdentityHashMap<>()));

    private CellFactoryGuard() {
    }

    static <T> T delegate(final Object factory, final String method, final Supplier<T> call) {
        Set<Object> active = ACTIVE.get();
        if (!active.add(factory)) {
            throw new UnsupportedOperationException(factory.getClass().getName() + " must override " + method);
        }
        try {
            return call.get();
        } finally {
            active.remove(factory);
        }
    }
}
