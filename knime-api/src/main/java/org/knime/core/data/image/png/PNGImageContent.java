package org.knime.core.data.image.png;

import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.Image;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;

import javax.imageio.ImageIO;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataType;
import org.knime.core.data.image.ImageContent;

/**
 * Stand-in for KNIME's {@code PNGImageContent} (compile/test only, never shipped): holds the bytes of a PNG image;
 * {@link #getImage()} decodes them (headless-safe, via ImageIO).
 */
public class PNGImageContent implements ImageContent {

    /** The type of the cells created by {@link #toImageCell()}. */
    public static final DataType TYPE = DataType.getType(PNGImageCell.class);

    private final byte[] m_bytes;

    private BufferedImage m_image;

    /** Empty content (framework use). */
    public PNGImageContent() {
        m_bytes = new byte[0];
    }

    /** @param imageBytes the PNG bytes (not copied) */
    public PNGImageContent(final byte[] imageBytes) {
        if (imageBytes == null) {
            throw new NullPointerException("Image bytes must not be null.");
        }
        m_bytes = imageBytes;
    }

    /**
     * @param is the PNG bytes, read to the end (not closed)
     * @throws IOException if reading fails
     */
    public PNGImageContent(final InputStream is) throws IOException {
        m_bytes = is.readAllBytes();
    }

    /** @return the bytes (not a copy) */
    public byte[] getByteArrayReference() {
        return m_bytes;
    }

    /** @return a copy of the bytes */
    public byte[] getByteArray() {
        return m_bytes.clone();
    }

    /** @return the decoded image, or null if the bytes are not a readable image */
    public Image getImage() {
        return decoded();
    }

    private BufferedImage decoded() {
        if (m_image == null && m_bytes.length > 0) {
            try {
                m_image = ImageIO.read(new ByteArrayInputStream(m_bytes));
            } catch (IOException e) {
                m_image = null;
            }
        }
        return m_image;
    }

    @Override
    public void paint(final Graphics2D g, final int width, final int height) {
        BufferedImage img = decoded();
        if (img == null || width <= 0 || height <= 0) {
            return;
        }
        double scale = Math.min((double)width / img.getWidth(), (double)height / img.getHeight());
        int w = (int)Math.round(img.getWidth() * scale);
        int h = (int)Math.round(img.getHeight() * scale);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(img, 0, 0, w, h, null);
    }

    @Override
    public void save(final OutputStream output) throws IOException {
        output.write(m_bytes);
    }

    @Override
    public DataCell toImageCell() {
        return new PNGImageCell(this);
    }

    @Override
    public Dimension getPreferredSize() {
        BufferedImage img = decoded();
        return img == null ? new Dimension(0, 0) : new Dimension(img.getWidth(), img.getHeight());
    }

    @Override
    public String getSummary() {
        Dimension d = getPreferredSize();
        return "PNG image " + d.width + "x" + d.height + " (" + m_bytes.length + " bytes)";
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(m_bytes);
    }

    @Override
    public boolean equals(final Object o) {
        return o == this || (o instanceof PNGImageContent p && Arrays.equals(p.m_bytes, m_bytes));
    }
}
