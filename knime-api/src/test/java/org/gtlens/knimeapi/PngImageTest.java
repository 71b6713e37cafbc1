package org.gtlens.knimeapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import javax.imageio.ImageIO;
import javax.swing.JComponent;
import javax.swing.JScrollPane;

import org.junit.jupiter.api.Test;
import org.knime.core.data.image.png.PNGImageContent;
import org.knime.core.node.port.PortObjectTestIO;
import org.knime.core.node.port.image.ImagePortObject;
import org.knime.core.node.port.image.ImagePortObjectSpec;

/**
 * PNG images as KNIME's (knime-core 5.5.3 PNGImageContent, ImagePortObject): decoded at construction and at every
 * load of an image port, failing there on bytes that are no image; painted centered and never enlarged; headless.
 */
class PngImageTest {

    static byte[] png(final int w, final int h) throws IOException {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, w, h);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    @Test
    void bytesThatAreNoImageFailAtConstructionAsKnimeDecodesThemThere() {
        assertTrue(GraphicsEnvironment.isHeadless(), "tests run headless");
        byte[] junk = {1, 2, 3, 4};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new PNGImageContent(junk));
        assertEquals("ImageIO returned null while reading image bytes", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new PNGImageContent(new ByteArrayInputStream(junk)));
        assertEquals("Argument must not be null.", assertThrows(NullPointerException.class,
            () -> new PNGImageContent((byte[])null)).getMessage());
    }

    @Test
    void theDecodedImageIsKeptSizesAndSummaryAsKnime() throws Exception {
        PNGImageContent c = new PNGImageContent(png(4, 3));
        assertSame(c.getImage(), c.getImage(), "decoded once, kept (softly)");
        assertEquals(new java.awt.Dimension(4, 3), c.getPreferredSize());
        assertEquals("PNG Image 4 x 3 with " + png(4, 3).length + " B", c.getSummary());
        assertNull(new PNGImageContent().getByteArrayReference(), "the framework constructor sets nothing");
    }

    /** A red image of {@code w x h} painted on an empty canvas of {@code cw x ch}. */
    private static BufferedImage painted(final int w, final int h, final int cw, final int ch) throws IOException {
        BufferedImage canvas = new BufferedImage(cw, ch, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = canvas.createGraphics();
        new PNGImageContent(png(w, h)).paint(g, cw, ch);
        g.dispose();
        return canvas;
    }

    @Test
    void paintingCentersAndNeverEnlarges() throws Exception {
        BufferedImage canvas = painted(4, 4, 10, 10);
        assertEquals(0, canvas.getRGB(0, 0), "corner stays empty: not stretched to 10 x 10");
        assertEquals(Color.RED.getRGB(), canvas.getRGB(3, 3));
        assertEquals(Color.RED.getRGB(), canvas.getRGB(6, 6));
        assertEquals(0, canvas.getRGB(7, 7));
        BufferedImage small = painted(8, 8, 4, 2);
        assertEquals(0, small.getRGB(0, 0), "shrunk to 2 x 2 and centered");
        assertEquals(Color.RED.getRGB(), small.getRGB(1, 0));
    }

    @Test
    void anImagePortDecodesItsImageAgainWhenLoaded() throws Exception {
        ImagePortObjectSpec spec = new ImagePortObjectSpec(PNGImageContent.TYPE);
        ImagePortObject po = new ImagePortObject(new PNGImageContent(png(5, 5)), spec);
        ImagePortObject back = PortObjectTestIO.roundTrip(po);
        assertEquals(po.getSummary(), back.getSummary());
        JComponent view = back.getViews()[0];
        assertInstanceOf(JScrollPane.class, view);
        assertEquals("Image", view.getName());

        byte[] junk = zipWith(PNGImageContent.class.getName(), new byte[]{9, 9, 9});
        assertThrows(IllegalArgumentException.class, () -> PortObjectTestIO.loadPortObject(junk,
            PortObjectTestIO.objectSerializer(ImagePortObject.class), spec), "decoded while loading");
        IOException unknown = assertThrows(IOException.class, () -> PortObjectTestIO.loadPortObject(
            zipWith("com.example.SvgContent", new byte[0]), PortObjectTestIO.objectSerializer(ImagePortObject.class),
            spec));
        assertEquals("No image content factory for class name 'com.example.SvgContent' registered.",
            unknown.getMessage());
        assertEquals("Argument must not be null.", assertThrows(NullPointerException.class,
            () -> new ImagePortObject(null, spec)).getMessage());
    }

    /** The zip of a saved image port with its image entry renamed and its bytes replaced. */
    private static byte[] zipWith(final String entry, final byte[] content) throws Exception {
        ImagePortObject model = new ImagePortObject(new PNGImageContent(png(1, 1)),
            new ImagePortObjectSpec(PNGImageContent.TYPE));
        byte[] saved = PortObjectTestIO.savePortObject(model, PortObjectTestIO.objectSerializer(ImagePortObject.class));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(saved));
                ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                boolean image = e.getName().equals(PNGImageContent.class.getName());
                out.putNextEntry(new ZipEntry(image ? entry : e.getName()));
                out.write(image ? content : in.readAllBytes());
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
