package org.knime.core.node.port;

import java.io.IOException;

import javax.swing.JComponent;

import org.knime.core.internal.SerializerMethodLoader;

/**
 * Stand-in for KNIME's {@code PortObjectSpec} (compile/test only, never shipped): the description of a port object
 * known at configure time (for tables the {@link org.knime.core.data.DataTableSpec}).
 */
public interface PortObjectSpec {

    /**
     * Saves and loads specs of class {@code T}.
     *
     * @param <T> the spec class
     */
    @SuppressWarnings("deprecation")
    abstract static public class PortObjectSpecSerializer<T extends PortObjectSpec>
        implements SerializerMethodLoader.Serializer<T> {

        public abstract void savePortObjectSpec(T portObjectSpec, PortObjectSpecZipOutputStream out)
            throws IOException;

        public abstract T loadPortObjectSpec(PortObjectSpecZipInputStream in) throws IOException;
    }

    JComponent[] getViews();
}
