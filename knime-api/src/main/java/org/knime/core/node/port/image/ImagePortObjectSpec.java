package org.knime.core.node.port.image;

import javax.swing.JComponent;
import javax.swing.JLabel;

import org.knime.core.data.DataType;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.ModelContentRO;
import org.knime.core.node.ModelContentWO;
import org.knime.core.node.port.AbstractSimplePortObjectSpec;

/**
 * Stand-in for KNIME's {@code ImagePortObjectSpec} (compile/test only, never shipped): the spec of an
 * {@link ImagePortObject}, i.e. the type of the image cell it creates (e.g. {@code PNGImageContent.TYPE}).
 */
public final class ImagePortObjectSpec extends AbstractSimplePortObjectSpec {

    /** Serializer (KNIME registers it through the PortType extension point). */
    public static final class Serializer extends AbstractSimplePortObjectSpecSerializer<ImagePortObjectSpec> {
    }

    private DataType m_type;

    /** @param type the type of the image cell, not null */
    public ImagePortObjectSpec(final DataType type) {
        if (type == null) {
            throw new NullPointerException("the image cell type is required");
        }
        m_type = type;
    }

    /** Framework constructor, do not use. */
    public ImagePortObjectSpec() {
    }

    /** @return the type of the image cell */
    public DataType getDataType() {
        return m_type;
    }

    @Override
    public JComponent[] getViews() {
        JLabel l = new JLabel("Image cell type: " + m_type);
        l.setName("Image Spec");
        return new JComponent[]{l};
    }

    @Override
    protected void load(final ModelContentRO model) throws InvalidSettingsException {
        m_type = DataType.load(model);
    }

    @Override
    protected void save(final ModelContentWO model) {
        m_type.save(model);
    }
}
