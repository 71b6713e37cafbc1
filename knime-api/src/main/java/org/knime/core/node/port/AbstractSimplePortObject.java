package org.knime.core.node.port;

import java.io.IOException;

import javax.swing.JComponent;

import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.ModelContent;
import org.knime.core.node.ModelContentRO;
import org.knime.core.node.ModelContentWO;

/**
 * Stand-in for KNIME's {@code AbstractSimplePortObject} (compile/test only, never shipped): a port object whose
 * content fits into a {@link ModelContent}. Subclasses need a public no-arg constructor and a serializer
 * {@code public static final class Serializer extends AbstractSimplePortObjectSerializer<MyPortObject> {}}.
 * Two objects are equal when they are of the same class and save identical content.
 */
public abstract class AbstractSimplePortObject implements PortObject {

    private static final String CONTENT_ENTRY = "content.bin";

    /** Framework constructor. */
    public AbstractSimplePortObject() {
    }

    /**
     * Serializer of an {@link AbstractSimplePortObject} subclass.
     *
     * @param <T> the port object class
     */
    public abstract static class AbstractSimplePortObjectSerializer<T extends AbstractSimplePortObject>
        extends PortObjectSerializer<T> {

        @Override
        public T loadPortObject(final PortObjectZipInputStream in, final PortObjectSpec spec,
            final ExecutionMonitor exec) throws IOException, CanceledExecutionException {
            String className = PortSerialization.readMeta(in);
            ModelContent model = PortSerialization.readContent(in, CONTENT_ENTRY);
            AbstractSimplePortObject result;
            try {
                result = PortSerialization.instantiate(PortSerialization.load(className)
                    .asSubclass(AbstractSimplePortObject.class));
            } catch (ClassNotFoundException | ClassCastException e) {
                throw new IOException("Cannot load port object class " + className, e);
            }
            try {
                result.load(model, spec, exec);
            } catch (InvalidSettingsException e) {
                throw new IOException("Cannot load " + className + ": " + e.getMessage(), e);
            }
            @SuppressWarnings("unchecked")
            T t = (T)result;
            return t;
        }

        @Override
        public void savePortObject(final T portObject, final PortObjectZipOutputStream out,
            final ExecutionMonitor exec) throws IOException, CanceledExecutionException {
            PortSerialization.writeMeta(out, portObject.getClass());
            ModelContent model = new ModelContent("model");
            portObject.save(model, exec);
            PortSerialization.writeContent(out, CONTENT_ENTRY, model);
        }
    }

    /**
     * @param model where to save the content
     * @param exec progress and cancelation
     * @throws CanceledExecutionException if canceled
     */
    protected abstract void save(ModelContentWO model, ExecutionMonitor exec) throws CanceledExecutionException;

    /**
     * @param model the content saved by {@link #save}
     * @param spec the spec of this object
     * @param exec progress and cancelation
     * @throws InvalidSettingsException if the content is invalid
     * @throws CanceledExecutionException if canceled
     */
    protected abstract void load(ModelContentRO model, PortObjectSpec spec, ExecutionMonitor exec)
        throws InvalidSettingsException, CanceledExecutionException;

    @Override
    public JComponent[] getViews() {
        return new JComponent[0];
    }

    private ModelContent saved() {
        ModelContent m = new ModelContent("model");
        try {
            save(m, new ExecutionMonitor());
        } catch (CanceledExecutionException e) {
            throw new IllegalStateException(e);
        }
        return m;
    }

    @Override
    public boolean equals(final Object oport) {
        if (oport == this) {
            return true;
        }
        return oport != null && oport.getClass() == getClass()
            && saved().isIdentical(((AbstractSimplePortObject)oport).saved());
    }

    @Override
    public int hashCode() {
        return getClass().hashCode();
    }
}
