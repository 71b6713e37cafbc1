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
import java.lang.ref.SoftReference;
import java.util.Arrays;

import javax.imageio.ImageIO;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataType;
import org.knime.core.data.image.ImageContent;

/**
 * Stand-in for KNIME's {@code PNGImageContent} (compile/test only, never shipped): the bytes of a PNG image. As
 * knime/knime-core {@code org.knime.core/src/eclipse/org/knime/core/data/image/png/PNGImageContent.java}
 * ({@code analytics-platform/5.5.3}, unchanged on master): both constructors decode the image at once (ImageIO; a
 * 10000 x 10000 image takes 400 MB), so bytes that are no readable image fail there (IllegalArgumentException), in
 * execute and again whenever an image port is loaded ({@code ImagePortObject} loads through the InputStream
 * constructor); the decoded image is kept softly and decoded again when collected ({@link #getImage()}: an
 * IllegalStateException then if that fails); {@link #paint} decodes the bytes each time and draws the image centered,
 * shrunk to fit but never enlarged. Works headless. Left out: the blob cell KNIME uses for 40 KB and more.
 */
public class PNGImageContent implements ImageContent {

    /** The type of the cells created by {@link #toImageCell()}. */
    public static final DataType TYPE = DataType.getType(PNGImageCell.class);

    private byte[] m_bytes;

    private SoftReference<Image> m_image;

    /** Empty content, for the framework only (no bytes, no image). */
    public PNGImageContent() {
        // as in KNIME: nothing set
    }

    /**
     * @param imageBytes the PNG bytes (not copied), decoded at once
     * @throws IllegalArgumentException if they are not a readable image
     */
    public PNGImageContent(final byte[] imageBytes) {
        if (imageBytes == null) {
            throw new NullPointerException("Argument must not be null.");
        }
        m_bytes = imageBytes;
        m_image = new SoftReference<>(decode(imageBytes));
    }

    /**
     * @param is the PNG bytes, read to the end (not closed) and decoded at once
     * @throws IOException if reading fails
     * @throws IllegalArgumentException if they are not a readable image
     */
    public PNGImageContent(final InputStream is) throws IOException {
        this(is.readAllBytes());
    }

    private static Image decode(final byte[] bytes) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
            if (image == null) {
                throw new IllegalArgumentException("ImageIO returned null while reading image bytes");
            }
            return image;
        } catch (IOException e) {
            throw new IllegalArgumentException("Image can't be read", e);
        }
    }

    /** @return the bytes (not a copy) */
    public byte[] getByteArrayReference() {
        return m_bytes;
    }

    /** @return a copy of the bytes */
    public byte[] getByteArray() {
        return Arrays.copyOf(m_bytes, m_bytes.length);
    }

    /** @return the decoded image (decoded again if it was collected) */
    public Image getImage() {
        Image image = m_image.get();
        if (image != null) {
            return image;
        }
        try {
            image = decode(m_bytes);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Image can't be re-read", e);
        }
        m_image = new SoftReference<>(image);
        return image;
    }

    /** Decodes the bytes again and draws the image centered, shrunk to fit, never enlarged (or the error). */
    @Override
    public void paint(final Graphics2D g, final int width, final int height) {
        BufferedImage image;
        String error = null;
        try {
            image = ImageIO.read(new ByteArrayInputStream(m_bytes));
            if (image == null) {
                error = "ImageIO returned null";
            }
        } catch (IOException e) {
            image = null;
            error = e.getMessage();
        }
        if (error != null) {
            g.drawString(error, 0, 0);
            return;
        }
        double scale = Math.max(1.0, Math.max(image.getWidth() / (double)width, image.getHeight() / (double)height));
        int w = scale == 1.0 ? image.getWidth() : (int)(image.getWidth() / scale);
        int h = scale == 1.0 ? image.getHeight() : (int)(image.getHeight() / scale);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.drawImage(image, Math.max(0, (width - w) / 2), Math.max(0, (height - h) / 2), w, h, null);
    }

    @Override
    public void save(final OutputStream output) throws IOException {
        output.write(m_bytes);
    }

    @Override
    public DataCell toImageCell() {
        return new PNGImageCell(this);
    }

    /** @return the image's size (16 x 16 when it cannot be decoded again) */
    @Override
    public Dimension getPreferredSize() {
        Image image;
        try {
            image = getImage();
        } catch (IllegalStateException e) {
            return new Dimension(16, 16);
        }
        return new Dimension(image.getWidth(null), image.getHeight(null));
    }

    /** @return e.g. "PNG Image 640 x 480 with 12 KB" (bytes below 1000, else KB) */
    @Override
    public String getSummary() {
        Dimension d = getPreferredSize();
        String size = m_bytes.length < 1000 ? m_bytes.length + " B" : (m_bytes.length / 1024) + " KB";
        return "PNG Image " + d.width + " x " + d.height + " with " + size;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(m_bytes);
    }

    @Override
    public boolean equals(final Object o) {
        return o == this || (o != null && o.getClass() == getClass()
            && Arrays.equals(((PNGImageContent)o).m_bytes, m_bytes));
    }
}
