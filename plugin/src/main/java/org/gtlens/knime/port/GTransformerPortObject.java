package org.gtlens.knime.port;

import java.io.IOException;
import java.util.Objects;
import java.util.zip.ZipEntry;

import javax.swing.JComponent;

import org.gtlens.runtime.GTransformer;
import org.gtlens.model.ModelException;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.port.AbstractPortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortObjectZipInputStream;
import org.knime.core.node.port.PortObjectZipOutputStream;
import org.knime.core.node.port.PortType;
import org.knime.core.node.port.PortTypeRegistry;

/**
 * A GTransformer travelling between nodes: the bytes of the ONNX model itself (not a path), so a saved workflow keeps
 * working on another machine, plus its spec. The ONNX Runtime session is opened by the node that runs the model
 * ({@link #openModel(int)}) and closed when it is done, so no native resources hang on a port.
 */
public final class GTransformerPortObject extends AbstractPortObject {

    /** Serializer found by KNIME (and registered in plugin.xml). */
    public static final class Serializer extends AbstractPortObjectSerializer<GTransformerPortObject> {
    }

    /** The port type. */
    public static final PortType TYPE = PortTypeRegistry.getInstance().getPortType(GTransformerPortObject.class);

    private static final String ENTRY = "gtransformer.onnx";

    private byte[] m_bytes;

    private GTransformerPortObjectSpec m_spec;

    /** For the serializer only. */
    public GTransformerPortObject() {
    }

    /**
     * @param bytes the ONNX model (not copied; must not be changed afterwards)
     * @param spec its spec
     */
    public GTransformerPortObject(final byte[] bytes, final GTransformerPortObjectSpec spec) {
        m_bytes = Objects.requireNonNull(bytes);
        m_spec = Objects.requireNonNull(spec);
    }

    /**
     * Opens the carried model in ONNX Runtime; the caller closes it.
     *
     * @param threads intra-op threads
     * @return the model
     * @throws ModelException if it cannot be opened
     */
    public GTransformer openModel(final int threads) throws ModelException {
        return GTransformer.load(m_bytes, m_spec.getInfo().source(), threads);
    }

    /** @return the size of the carried model in bytes */
    public int getModelSize() {
        return m_bytes.length;
    }

    @Override
    public String getSummary() {
        var i = m_spec.getInfo();
        return "GTransformer " + i.source() + ": k=" + i.k() + ", heads=" + i.heads() + ", depth=" + i.depth() + ", t="
            + i.t() + ", num_tokens=" + i.numTokens() + (i.description().isEmpty() ? "" : " - " + i.description());
    }

    @Override
    public GTransformerPortObjectSpec getSpec() {
        return m_spec;
    }

    @Override
    public JComponent[] getViews() {
        return m_spec.getViews(); // the model's facts; the port holds nothing else worth showing
    }

    @Override
    protected void save(final PortObjectZipOutputStream out, final ExecutionMonitor exec)
        throws IOException, CanceledExecutionException {
        out.putNextEntry(new ZipEntry(ENTRY));
        out.write(m_bytes);
        out.closeEntry();
    }

    @Override
    protected void load(final PortObjectZipInputStream in, final PortObjectSpec spec, final ExecutionMonitor exec)
        throws IOException, CanceledExecutionException {
        ZipEntry entry = in.getNextEntry();
        if (entry == null || !ENTRY.equals(entry.getName())) {
            throw new IOException("Saved GTransformer port holds no model (expected entry " + ENTRY + ", found "
                + (entry == null ? "nothing" : entry.getName()) + ").");
        }
        m_bytes = in.readAllBytes();
        m_spec = (GTransformerPortObjectSpec)spec;
    }
}
