package org.gtlens.knime;

import java.awt.GraphicsEnvironment;
import java.io.ByteArrayInputStream;
import java.awt.image.BufferedImage;

import javax.imageio.ImageIO;

import org.gtlens.knime.ablate.AblateHeadsNodeFactory;
import org.gtlens.knime.extract.ExtractRepresentationsNodeFactory;
import org.gtlens.knime.patch.PatchActivationsNodeFactory;
import org.gtlens.knime.heatmap.HeatmapNodeFactory;
import org.gtlens.knime.load.LoadGTransformerNodeFactory;
import org.knime.core.data.image.png.PNGImageCell;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeTestHarness;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.image.ImagePortObject;

/**
 * Run in its own JVM by {@link HeadlessTest}: configures and executes Load GTransformer, Extract Representations
 * and Heatmap View in a row, then Ablate Heads and Patch Activations each into a Heatmap View, as an executor without a display does, and prints the image's size (or what failed).
 */
public final class HeadlessMain {

    private HeadlessMain() {
    }

    private static String image(final PortObject port) throws java.io.IOException {
        byte[] png = ((PNGImageCell)((ImagePortObject)port).toDataCell()).getImageContent().getByteArray();
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(png));
        return "IMAGE " + decoded.getWidth() + " x " + decoded.getHeight();
    }

    public static void main(final String[] args) {
        try {
            System.out.println("HEADLESS " + GraphicsEnvironment.isHeadless());
            NodeModel load = NodeTestHarness.createModel(new LoadGTransformerNodeFactory());
            PortObject model = NodeTestHarness.run(load)[0];
            NodeModel extract = NodeTestHarness.createModel(new ExtractRepresentationsNodeFactory());
            BufferedDataTable repr = (BufferedDataTable)NodeTestHarness.run(extract, model,
                ExtractRepresentationsNodeTest.sequences("1,2,3", "4,5,6"))[1];
            NodeModel heatmap = NodeTestHarness.createModel(new HeatmapNodeFactory());
            ImagePortObject image = (ImagePortObject)NodeTestHarness.run(heatmap, repr)[0];
            byte[] png = ((PNGImageCell)image.toDataCell()).getImageContent().getByteArray();
            BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(png));
            System.out.println("IMAGE " + decoded.getWidth() + " x " + decoded.getHeight());
            NodeModel ablate = NodeTestHarness.createModel(new AblateHeadsNodeFactory());
            BufferedDataTable ablation = (BufferedDataTable)NodeTestHarness.run(ablate, model,
                ExtractRepresentationsNodeTest.sequences("1,2,3", "4,5,6"))[0];
            System.out.println("ABLATION " + image(NodeTestHarness.run(
                NodeTestHarness.createModel(new HeatmapNodeFactory()), ablation)[0]));
            NodeModel patch = NodeTestHarness.createModel(new PatchActivationsNodeFactory());
            BufferedDataTable patching = (BufferedDataTable)NodeTestHarness.run(patch, model,
                PatchActivationsNodeTest.toyTable())[0];
            System.out.println("PATCHING " + image(NodeTestHarness.run(
                NodeTestHarness.createModel(new HeatmapNodeFactory()), patching)[0]));
        } catch (Throwable t) { // NOSONAR: what the test must see
            System.out.println("THROWN " + t);
            t.printStackTrace(System.out);
        }
    }
}
