package org.gtlens.knimeapi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Image;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.List;


import org.gtlens.knimeapi.sample.SamplePortObject;
import org.gtlens.knimeapi.sample.SampleSpec;
import org.junit.jupiter.api.Test;
import org.knime.core.data.DataCell;
import org.knime.core.data.image.png.PNGImageContent;
import org.knime.core.data.image.png.PNGImageValue;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectTestIO;
import org.knime.core.node.port.PortType;
import org.knime.core.node.port.PortTypeRegistry;
import org.knime.core.node.port.image.ImagePortObject;
import org.knime.core.node.port.image.ImagePortObjectSpec;

/** Port types, port object/spec serialization (real zip streams) and image ports of the stand-in. */
class PortObjectsTest {

    @Test
    void portTypes() {
        PortType t = PortTypeRegistry.getInstance().getPortType(SamplePortObject.class);
        assertEquals(t, SamplePortObject.TYPE);
        assertTrue(PortTypeRegistry.getInstance().getPortType(SamplePortObject.class, true).isOptional());
        assertEquals(SampleSpec.class, t.getPortObjectSpecClass());
        assertTrue(PortObject.TYPE.isSuperTypeOf(t));
        assertTrue(t.acceptsPortObject(new SamplePortObject(new SampleSpec("a"), "x")));
        assertTrue(BufferedDataTable.TYPE_OPTIONAL.acceptsPortObject(null));
        assertEquals(ImagePortObjectSpec.class, ImagePortObject.TYPE.getPortObjectSpecClass());
    }

    @Test
    void customPortObjectAndSpecRoundTripThroughZipStreams() throws Exception {
        SampleSpec spec = new SampleSpec("gt", 2, 16, 4);
        SamplePortObject po = new SamplePortObject(spec, "onnx bytes \u00e9");

        SampleSpec spec2 = PortObjectTestIO.roundTrip(spec);
        assertNotSame(spec, spec2);
        assertEquals("gt", spec2.getName());
        assertArrayEquals(new int[]{2, 16, 4}, spec2.getDims());
        assertEquals(spec, spec2, "simple specs compare their saved content");

        SamplePortObject po2 = PortObjectTestIO.roundTrip(po);
        assertEquals("onnx bytes \u00e9", po2.getText());
        assertEquals("gt", po2.getSpec().getName());

        byte[] zip = PortObjectTestIO.savePortObject(po, new SamplePortObject.Serializer());
        List<String> entries = PortObjectTestIO.entryNames(zip);
        assertEquals(List.of("meta.xml", "model.bin"), entries);
        assertThrows(IOException.class, () -> PortObjectTestIO.loadPortObject(new byte[0],
            new SamplePortObject.Serializer(), spec));
    }

    @Test
    void imagePortObjectHoldsPngBytes() throws Exception {
        byte[] bytes = PngImageTest.png(8, 5);
        PNGImageContent content = new PNGImageContent(bytes);
        Image image = content.getImage();
        assertEquals(8, image.getWidth(null));
        assertEquals(5, image.getHeight(null));
        assertEquals(8, content.getPreferredSize().width);
        ImagePortObject po = new ImagePortObject(content, new ImagePortObjectSpec(PNGImageContent.TYPE));
        DataCell cell = po.toDataCell();
        assertInstanceOf(PNGImageValue.class, cell);
        assertArrayEquals(bytes, ((PNGImageValue)cell).getImageContent().getByteArray());
        assertEquals("png", ((PNGImageValue)cell).getImageExtension());
        assertEquals(1, po.getViews().length);

        ImagePortObject back = PortObjectTestIO.roundTrip(po);
        assertEquals(PNGImageContent.TYPE, back.getSpec().getDataType());
        assertArrayEquals(bytes, ((PNGImageContent)((PNGImageValue)back.toDataCell()).getImageContent())
            .getByteArray());

        BufferedImage canvas = new BufferedImage(16, 10, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas.createGraphics();
        content.paint(g, 16, 10);
        g.dispose();
        assertEquals(Color.BLACK.getRGB(), canvas.getRGB(1, 1), "centered, not enlarged (as KNIME paints it)");
        assertEquals(Color.RED.getRGB(), canvas.getRGB(5, 3));
    }
}
