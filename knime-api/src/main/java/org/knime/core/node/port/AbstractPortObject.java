package org.knime.core.node.port;

import java.io.IOException;

import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;

/**
 * Stand-in for KNIME's {@code AbstractPortObject} (compile/test only, never shipped): a port object that writes
 * its own zip entries. Subclasses need a public no-arg constructor (used when loading) and a serializer
 * {@code public static final class Serializer extends AbstractPortObjectSerializer<MyPortObject> {}}.
 */
public abstract class AbstractPortObject implements PortObject {

    /** Framework constructor. */
    public AbstractPortObject() {
    }

    /**
     * Serializer of an {@link AbstractPortObject} subclass: writes a meta entry naming the class, then lets the
     * object write its entries; loading instantiates the class via its public no-arg constructor and calls
     * {@code load}.
     *
     * @param <T> the port object class
     */
    public abstract static class AbstractPortObjectSerializer<T extends AbstractPortObject>
        extends PortObjectSerializer<T> {

        @Override
        public T loadPortObject(final PortObjectZipInputStream in, final PortObjectSpec spec,
            final ExecutionMonitor exec) throws IOException, CanceledExecutionException {
            String className = PortSerialization.readMeta(in);
            AbstractPortObject result;
            try {
                result = PortSerialization.instantiate(PortSerialization.load(className)
                    .asSubclass(AbstractPortObject.class));
            } catch (ClassNotFoundException | ClassCastException e) {
                throw new IOException("Cannot load port object class " + className, e);
            }
            result.load(in, spec, exec);
            @SuppressWarnings("unchecked")
            T t = (T)result;
            return t;
        }

        @Override
        public void savePortObject(final T portObject, final PortObjectZipOutputStream out,
            final ExecutionMonitor exec) throws IOException, CanceledExecutionException {
            PortSerialization.writeMeta(out, portObject.getClass());
            portObject.save(out, exec);
        }
    }

    /**
     * @param out where to write entries ({@code out.putNextEntry(new ZipEntry(...))})
     * @param exec progress and cancelation
     * @throws IOException if writing fails
     * @throws CanceledExecutionException if canceled
     */
    protected abstract void save(PortObjectZipOutputStream out, ExecutionMonitor exec)
        throws IOException, CanceledExecutionException;

    /**
     * @param in where to read the entries written by {@link #save}
     * @param spec the spec of this object
     * @param exec progress and cancelation
     * @throws IOException if reading fails
     * @throws CanceledExecutionException if canceled
     */
    protected abstract void load(PortObjectZipInputStream in, PortObjectSpec spec, ExecutionMonitor exec)
        throws IOException, CanceledExecutionException;
}
