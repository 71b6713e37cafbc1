package org.gtlens.knime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;

import javax.swing.JLabel;

import org.gtlens.chart.output.HeatmapRenderer;
import org.gtlens.chart.swing.FigureComponent;
import org.gtlens.explorer.HeatmapExplorer;
import org.gtlens.knime.heatmap.HeatmapNodeFactory;
import org.gtlens.knime.heatmap.HeatmapNodeModel;
import org.gtlens.knime.heatmap.HeatmapViews;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeTestHarness;
import org.knime.core.node.NodeView;
import org.knime.core.node.port.PortObject;

/**
 * What the Heatmap View shows after a workflow is reopened or a streamed component ran is what execute drew on the
 * image port (a summary's panels each on their own range included); the view draws off the event thread; the image
 * port holds at most the pixels its setting allows.
 */
class HeatmapReloadTest {

    private static BufferedDataTable headScores() throws Exception {
        NodeModel x = ExtractRepresentationsNodeTest.model(s -> s.addString("second_output", "head_scores"));
        return (BufferedDataTable)NodeTestHarness.run(x, TestSupport.defaultPort(),
            ExtractRepresentationsNodeTest.sequences("1,2,3", "4,5,6"))[1];
    }

    /** The view's figure rendered as the port renders it (the view itself fits its window). */
    private static byte[] viewPng(final NodeView<?> view, final BufferedImage port) {
        HeatmapExplorer explorer = HeatmapViews.explorer(view);
        assertNotNull(explorer, "the view shows the explorer");
        FigureComponent panel = explorer.panel();
        return HeatmapRenderer.toPng(panel.grid(), panel.options().toBuilder().size(port.getWidth(),
            port.getHeight()).build());
    }

    @Test
    void aReopenedWorkflowShowsWhatTheImagePortShows(@TempDir final Path dir) throws Exception {
        BufferedDataTable table = headScores();
        NodeModel m = HeatmapNodeTest.model(s -> { });
        PortObject[] out = NodeTestHarness.run(m, table);
        HeatmapNodeModel reopened = NodeTestHarness.save(m, dir).load(new HeatmapNodeFactory());
        NodeView<?> view = HeatmapViews.open(reopened);
        assertArrayEquals(ColumnSelectorsTest.pngBytes(out[0]), viewPng(view, HeatmapNodeTest.png(out[0])));
    }

    @Test
    void aStreamedComponentShowsWhatItsImagePortShows(@TempDir final Path dir) throws Exception {
        BufferedDataTable table = headScores();
        HeatmapNodeModel original = (HeatmapNodeModel)HeatmapNodeTest.model(s -> { });
        NodeTestHarness.configure(original, table.getDataTableSpec());
        NodeModel copy = HeatmapNodeTest.model(s -> { });
        PortObject[] out = NodeTestHarness.runStreamable(copy, table).outputs();
        NodeTestHarness.executionResult(copy, dir).loadInto(original);
        NodeView<?> view = HeatmapViews.open(original);
        assertArrayEquals(ColumnSelectorsTest.pngBytes(out[0]), viewPng(view, HeatmapNodeTest.png(out[0])));
    }

    @Test
    void theViewSaysItIsDrawingWhileItsWorkerReadsTheTable() throws Exception {
        NodeModel m = HeatmapNodeTest.model(s -> { });
        NodeTestHarness.run(m, HeatmapNodeTest.extracted());
        NodeView<?> view = HeatmapViews.open((HeatmapNodeModel)m);
        assertNotNull(HeatmapViews.explorer(view));
        var during = HeatmapViews.changeOnEdt(view);
        assertEquals("Drawing...", ((JLabel)during).getText(), "the event thread only starts the drawing");
        assertNull(HeatmapViews.explorer(view));
        HeatmapViews.awaitShown(view);
        assertNotNull(HeatmapViews.explorer(view));
        assertTrue(NodeTestHarness.viewComponent(view) instanceof HeatmapExplorer);
    }

    @Test
    void theImagePortHoldsAtMostItsPixelsAndOldWorkflowsGetTheBound() throws Exception {
        NodeModel big = HeatmapNodeTest.model(s -> {
            s.addInt("image_width", 10000);
            s.addInt("image_height", 5000);
        });
        BufferedImage png = HeatmapNodeTest.png(NodeTestHarness.run(big, HeatmapNodeTest.extracted())[0]);
        assertTrue((long)png.getWidth() * png.getHeight() <= 2_000_000, png.getWidth() + " x " + png.getHeight());
        assertEquals(2.0, (double)png.getWidth() / png.getHeight(), 0.01, "the aspect is kept");
        // settings saved before the bound existed: every other key, no image_port_max_pixels
        NodeSettings current = NodeTestHarness.saveSettings(HeatmapNodeTest.model(s -> { }));
        NodeSettings old = new NodeSettings("model");
        for (String key : current.keySet()) {
            if (key.equals("image_width") || key.equals("image_height")) {
                old.addInt(key, current.getInt(key));
            } else if (!key.equals("image_port_max_pixels") && !key.endsWith("_Internals")) {
                old.addString(key, current.getString(key));
            }
        }
        NodeModel legacy = HeatmapNodeTest.model(s -> s.addInt("image_port_max_pixels", 50_000));
        NodeTestHarness.loadSettings(legacy, old);
        assertEquals(2_000_000, NodeTestHarness.saveSettings(legacy).getInt("image_port_max_pixels"));
    }
}
