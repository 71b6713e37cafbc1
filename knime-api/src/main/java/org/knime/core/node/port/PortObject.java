package org.knime.core.node.port;

import java.io.IOException;

import javax.swing.JComponent;

import org.knime.core.internal.SerializerMethodLoader;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;

/**
 * Stand-in for KNIME's {@code PortObject} (compile/test only, never shipped): what travels along a node connection
 * (tables, models, images).
 */
public interface PortObject {

    /** The port type of any port object. */
    public static final PortType TYPE = PortTypeRegistry.getInstance().getPortType(PortObject.class);

    /** The optional port type of any port object. */
    public static final PortType TYPE_OPTIONAL = PortTypeRegistry.getInstance().getPortType(PortObject.class, true);

    /**
     * Saves and loads port objects of class {@code T} (registered in KNIME via the PortType extension point; in the
     * stand-in found as a public static nested class of the port object class, see
     * {@link PortTypeRegistry#getObjectSerializer(Class)}).
     *
     * @param <T> the port object class
     */
    @SuppressWarnings("deprecation")
    abstract static public class PortObjectSerializer<T extends PortObject>
        implements SerializerMethodLoader.Serializer<T> {

        public abstract void savePortObject(T portObject, PortObjectZipOutputStream out, ExecutionMonitor exec)
            throws IOException, CanceledExecutionException;

        public abstract T loadPortObject(PortObjectZipInputStream in, PortObjectSpec spec, ExecutionMonitor exec)
            throws IOException, CanceledExecutionException;
    }

    String getSummary();

    PortObjectSpec getSpec();

    JComponent[] getViews();
}
