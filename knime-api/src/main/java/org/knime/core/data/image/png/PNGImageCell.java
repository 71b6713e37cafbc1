package org.knime.core.data.image.png;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataValue;

/**
 * Stand-in for KNIME's {@code PNGImageCell} (compile/test only, never shipped): a cell holding PNG bytes; created
 * with {@link PNGImageContent#toImageCell()}.
 */
public class PNGImageCell extends DataCell implements PNGImageValue {

    private static final long serialVersionUID = 1L;

    /** The PNG bytes (serialized with the cell). */
    private final byte[] m_bytes;

    private transient PNGImageContent m_content;

    PNGImageCell(final PNGImageContent content) {
        m_bytes = content.getByteArrayReference();
        m_content = content;
    }

    @Override
    public PNGImageContent getImageContent() {
        if (m_content == null) {
            m_content = new PNGImageContent(m_bytes);
        }
        return m_content;
    }

    @Override
    public String toString() {
        return getImageContent().getSummary();
    }

    @Override
    protected boolean equalsDataCell(final DataCell dc) {
        return java.util.Arrays.equals(m_bytes, ((PNGImageCell)dc).m_bytes);
    }

    @Override
    protected boolean equalContent(final DataValue otherValue) {
        return otherValue instanceof PNGImageValue v && getImageContent().equals(v.getImageContent());
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(m_bytes);
    }

    @Override
    public String getImageExtension() {
        return "png";
    }
}
