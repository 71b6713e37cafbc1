package org.knime.core.node.port;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;

import javax.swing.JComponent;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.ModelContent;
import org.knime.core.node.ModelContentRO;
import org.knime.core.node.ModelContentWO;

/**
 * Stand-in for KNIME's {@code AbstractSimplePortObjectSpec} (compile/test only, never shipped): a spec whose
 * content fits into a {@link ModelContent}. Subclasses need a public no-arg constructor and a serializer
 * {@code public static final class Serializer extends AbstractSimplePortObjectSpecSerializer<MySpec> {}}.
 * Two specs are equal when they are of the same class and save identical content.
 */
public abstract class AbstractSimplePortObjectSpec implements PortObjectSpec {

    private static final String CONTENT_ENTRY = "spec.bin";

    private static final String CFG_CLASS = "class_name";

    private static final String CFG_MODEL = "model";

    /** Framework constructor. */
    public AbstractSimplePortObjectSpec() {
    }

    /**
     * Serializer of an {@link AbstractSimplePortObjectSpec} subclass.
     *
     * @param <T> the spec class
     */
    public abstract static class AbstractSimplePortObjectSpecSerializer<T extends AbstractSimplePortObjectSpec>
        extends PortObjectSpecSerializer<T> {

        @Override
        public T loadPortObjectSpec(final PortObjectSpecZipInputStream in) throws IOException {
            ModelContent model = PortSerialization.readContent(in, CONTENT_ENTRY);
            try {
                return loadPortObjectSpecFromModelSettings(model);
            } catch (ClassNotFoundException | InstantiationException | IllegalAccessException e) {
                throw new IOException("Cannot load spec: " + e.getMessage(), e);
            }
        }

        @Override
        public void savePortObjectSpec(final T portObject, final PortObjectSpecZipOutputStream out)
            throws IOException {
            ModelContent model = new ModelContent("spec");
            savePortObjectSpecToModelSettings(portObject, model);
            PortSerialization.writeContent(out, CONTENT_ENTRY, model);
        }

        /**
         * @param <T> the spec class
         * @param model content written by {@link #savePortObjectSpecToModelSettings}
         * @return the restored spec
         * @throws IOException if the content is invalid
         * @throws ClassNotFoundException if the spec class is unknown
         * @throws InstantiationException if the spec class has no usable public no-arg constructor
         * @throws IllegalAccessException if the constructor is not accessible
         */
        public static <T extends AbstractSimplePortObjectSpec> T loadPortObjectSpecFromModelSettings(
            final ModelContentRO model)
            throws IOException, ClassNotFoundException, InstantiationException, IllegalAccessException {
            String className;
            ModelContentRO content;
            try {
                className = model.getString(CFG_CLASS);
                content = model.getModelContent(CFG_MODEL);
            } catch (InvalidSettingsException e) {
                throw new IOException("Invalid spec content: " + e.getMessage(), e);
            }
            Class<? extends AbstractSimplePortObjectSpec> c =
                PortSerialization.load(className).asSubclass(AbstractSimplePortObjectSpec.class);
            AbstractSimplePortObjectSpec spec;
            try {
                spec = c.getConstructor().newInstance();
            } catch (NoSuchMethodException | InvocationTargetException e) {
                InstantiationException ie =
                    new InstantiationException("Cannot instantiate " + className + " via public no-arg constructor");
                ie.initCause(e);
                throw ie;
            }
            try {
                spec.load(content);
            } catch (InvalidSettingsException e) {
                throw new IOException("Cannot load " + className + ": " + e.getMessage(), e);
            }
            @SuppressWarnings("unchecked")
            T t = (T)spec;
            return t;
        }

        /**
         * @param <T> the spec class
         * @param spec the spec to save
         * @param model where to save class name and content
         */
        public static <T extends AbstractSimplePortObjectSpec> void savePortObjectSpecToModelSettings(final T spec,
            final ModelContentWO model) {
            model.addString(CFG_CLASS, spec.getClass().getName());
            spec.save(model.addModelContent(CFG_MODEL));
        }
    }

    /** @param model where to save the content */
    protected abstract void save(ModelContentWO model);

    /**
     * @param model the content saved by {@link #save}
     * @throws InvalidSettingsException if the content is invalid
     */
    protected abstract void load(ModelContentRO model) throws InvalidSettingsException;

    @Override
    public JComponent[] getViews() {
        return new JComponent[0];
    }

    private ModelContent saved() {
        ModelContent m = new ModelContent("spec");
        save(m);
        return m;
    }

    @Override
    public boolean equals(final Object ospec) {
        if (ospec == this) {
            return true;
        }
        return ospec != null && ospec.getClass() == getClass()
            && saved().isIdentical(((AbstractSimplePortObjectSpec)ospec).saved());
    }

    @Override
    public int hashCode() {
        return getClass().hashCode();
    }
}
