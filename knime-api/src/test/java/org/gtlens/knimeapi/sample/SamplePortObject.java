package org.gtlens.knimeapi.sample;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;

import javax.swing.JComponent;

import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.port.AbstractPortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortObjectZipInputStream;
import org.knime.core.node.port.PortObjectZipOutputStream;
import org.knime.core.node.port.PortType;
import org.knime.core.node.port.PortTypeRegistry;

/** A plugin-style model port object holding bytes (as the GT Lens model port object would hold ONNX bytes). */
public class SamplePortObject extends AbstractPortObject {

    /** Serializer, registered in plugin.xml in KNIME. */
    public static final class Serializer extends AbstractPortObjectSerializer<SamplePortObject> {
    }

    /** The port type. */
    public static final PortType TYPE = PortTypeRegistry.getInstance().getPortType(SamplePortObject.class);

    private SampleSpec m_spec;

    private byte[] m_bytes;

    /** Framework constructor. */
    public SamplePortObject() {
    }

    /**
     * @param spec the spec
     * @param text content
     */
    public SamplePortObject(final SampleSpec spec, final String text) {
        m_spec = spec;
        m_bytes = text.getBytes(StandardCharsets.UTF_8);
    }

    /** @return the content */
    public String getText() {
        return new String(m_bytes, StandardCharsets.UTF_8);
    }

    @Override
    public String getSummary() {
        return "Sample model " + m_spec.getName();
    }

    @Override
    public SampleSpec getSpec() {
        return m_spec;
    }

    @Override
    public JComponent[] getViews() {
        return new JComponent[0];
    }

    @Override
    protected void save(final PortObjectZipOutputStream out, final ExecutionMonitor exec)
        throws IOException, CanceledExecutionException {
        out.putNextEntry(new ZipEntry("model.bin"));
        out.write(m_bytes);
        out.closeEntry();
    }

    @Override
    protected void load(final PortObjectZipInputStream in, final PortObjectSpec spec, final ExecutionMonitor exec)
        throws IOException, CanceledExecutionException {
        ZipEntry e = in.getNextEntry();
        if (e == null || !e.getName().equals("model.bin")) {
            throw new IOException("expected model.bin, got " + e);
        }
        m_bytes = in.readAllBytes();
        m_spec = (SampleSpec)spec;
    }
}
