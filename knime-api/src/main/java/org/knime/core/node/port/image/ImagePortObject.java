package org.knime.core.node.port.image;

import java.awt.Dimension;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.io.IOException;
import java.util.zip.ZipEntry;

import javax.swing.JComponent;
import javax.swing.JScrollPane;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataType;
import org.knime.core.data.image.ImageContent;
import org.knime.core.data.image.png.PNGImageContent;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.port.AbstractPortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortObjectZipInputStream;
import org.knime.core.node.port.PortObjectZipOutputStream;
import org.knime.core.node.port.PortType;
import org.knime.core.node.port.PortTypeRegistry;

/**
 * Stand-in for KNIME's {@code ImagePortObject} (compile/test only, never shipped): an image (e.g. a
 * {@link PNGImageContent}) on an image port. As knime/knime-core
 * {@code org.knime.core/src/eclipse/org/knime/core/node/port/image/ImagePortObject.java} ({@code analytics-platform/5.5.3},
 * unchanged on master): saved as one zip entry named after the content class; loaded through the content factory
 * registered for that name ({@code new PNGImageContent(InputStream)} for PNG, which decodes the image at once, so every
 * load of an executed node decodes it again); an unregistered name is an IOException; the view is the image in a
 * scroll pane named "Image".
 */
public class ImagePortObject extends AbstractPortObject {

    /** Serializer (KNIME registers it through the PortType extension point). */
    public static final class Serializer extends AbstractPortObjectSerializer<ImagePortObject> {
    }

    /** The port type. */
    public static final PortType TYPE = PortTypeRegistry.getInstance().getPortType(ImagePortObject.class);

    /** The optional port type. */
    public static final PortType TYPE_OPTIONAL = PortTypeRegistry.getInstance().getPortType(ImagePortObject.class, true);

    private ImageContent m_content;

    private ImagePortObjectSpec m_spec;

    /** Framework constructor, do not use. */
    public ImagePortObject() {
    }

    /**
     * @param content the image
     * @param spec its spec (the type of {@code content.toImageCell()})
     */
    public ImagePortObject(final ImageContent content, final ImagePortObjectSpec spec) {
        if (content == null || spec == null) {
            throw new NullPointerException("Argument must not be null.");
        }
        m_content = content;
        m_spec = spec;
    }

    /** @return the image as cell, or a missing cell if its type does not match the spec */
    public DataCell toDataCell() {
        DataCell cell = m_content.toImageCell();
        DataType expected = m_spec.getDataType();
        return expected.isASuperTypeOf(cell.getType()) ? cell : DataType.getMissingCell();
    }

    @Override
    public String getSummary() {
        return m_content.getSummary();
    }

    @Override
    public ImagePortObjectSpec getSpec() {
        return m_spec;
    }

    @Override
    public JComponent[] getViews() {
        final ImageContent content = m_content;
        @SuppressWarnings("serial")
        JComponent c = new JComponent() {
            @Override
            protected void paintComponent(final Graphics g) {
                super.paintComponent(g);
                content.paint((Graphics2D)g.create(getX(), getY(), getWidth(), getHeight()), getWidth(), getHeight());
            }

            @Override
            public Dimension getPreferredSize() {
                return content.getPreferredSize();
            }
        };
        JScrollPane scroll = new JScrollPane(c);
        scroll.setName("Image");
        return new JComponent[]{scroll};
    }

    @Override
    protected void load(final PortObjectZipInputStream in, final PortObjectSpec spec, final ExecutionMonitor exec)
        throws IOException, CanceledExecutionException {
        ZipEntry entry = in.getNextEntry();
        if (entry == null) {
            throw new IOException("No image entry in stream");
        }
        String contentClass = entry.getName();
        if (!contentClass.equals(PNGImageContent.class.getName())) {
            throw new IOException("No image content factory for class name '" + contentClass + "' registered.");
        }
        m_content = new PNGImageContent(in);
        m_spec = (ImagePortObjectSpec)spec;
    }

    @Override
    protected void save(final PortObjectZipOutputStream out, final ExecutionMonitor exec)
        throws IOException, CanceledExecutionException {
        out.putNextEntry(new ZipEntry(m_content.getClass().getName()));
        m_content.save(out);
        out.closeEntry();
    }
}
