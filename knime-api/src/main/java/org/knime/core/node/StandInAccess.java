package org.knime.core.node;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * Stand-in helper (package-private): calls package-private stand-in methods of other packages (which must not get
 * public API the real KNIME does not have).
 */
final class StandInAccess {

    private StandInAccess() {
    }

    static Object call(final Object target, final String name, final Class<?>[] types, final Object... args)
        throws CanceledExecutionException {
        try {
            Method m = target.getClass().getDeclaredMethod(name, types);
            m.setAccessible(true);
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            Throwable c = e.getCause();
            if (c instanceof CanceledExecutionException ce) {
                throw ce;
            }
            if (c instanceof RuntimeException re) {
                throw re;
            }
            if (c instanceof Error er) {
                throw er;
            }
            throw new IllegalStateException(c);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("stand-in internal call failed: " + name, e);
        }
    }
}
