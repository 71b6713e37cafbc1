package org.gtlens.knime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Component;
import java.awt.Container;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.gtlens.chart.options.ChartOptions;
import org.gtlens.chart.data.HeatmapGrid;
import org.gtlens.explorer.HeatmapExplorer;
import org.gtlens.knime.heatmap.HeatmapNodeFactory;
import org.gtlens.model.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeTestHarness;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeView;
import org.knime.core.node.port.PortObject;

/**
 * Heatmap View's explorer: its pickers draw any source row, kind, block and head of the table without executing
 * again (the image port keeps the settings' figure), the saved internals reopen it with its pickers, a table too
 * large to keep falls back to the configured figure with a warning, and blocks, heads and the value scale are
 * settings that older workflows load without.
 */
class HeatmapViewTest {

    static HeatmapExplorer explorerOf(final Component c) {
        if (c instanceof HeatmapExplorer e) {
            return e;
        }
        if (c instanceof Container container) {
            for (Component child : container.getComponents()) {
                HeatmapExplorer e = explorerOf(child);
                if (e != null) {
                    return e;
                }
            }
        }
        return null;
    }

    private static HeatmapExplorer open(final NodeModel m) throws Exception {
        NodeView<?> view = NodeTestHarness.createView(new HeatmapNodeFactory(), 0,
            (org.gtlens.knime.heatmap.HeatmapNodeModel)m);
        NodeTestHarness.openView(view);
        return explorerOf(NodeTestHarness.viewComponent(view));
    }

    @Test
    void pickersDrawAnySourceKindBlockAndHeadWithoutExecutingAgain() throws Exception {
        NodeModel m = HeatmapNodeTest.model(s -> { });
        PortObject[] out = NodeTestHarness.run(m, HeatmapNodeTest.extracted());
        BufferedImage port = HeatmapNodeTest.png(out[0]);
        HeatmapExplorer explorer = open(m);
        assertNotNull(explorer, "the view is the explorer");
        // the mean over the three source rows first, then each of them
        assertEquals(0, explorer.selectedItem());
        assertEquals(6, explorer.figure().grid().all().size());
        explorer.choose(2, Kind.ATTENTION, "1", "2", ChartOptions.ValueScale.ROW, ChartOptions.RangeMode.SHARED);
        assertNull(explorer.error(), explorer.error());
        HeatmapGrid one = explorer.figure().grid();
        assertEquals(1, one.all().size());
        assertEquals("Block 1 \u00b7 Head 2", one.all().get(0).title());
        assertTrue(one.title().contains("source row Row1"), one.title());
        assertEquals("Out 2: 6", one.all().get(0).rowLabels().get(2), "labels of that row's tokens (4,5,6)");
        explorer.choose(1, Kind.OUT, "all", "all", ChartOptions.ValueScale.LINEAR, ChartOptions.RangeMode.SHARED);
        assertEquals(Kind.OUT, explorer.figure().representation());
        assertEquals(6, explorer.figure().grid().all().get(0).cols(), "out has k = 6 columns");
        explorer.choose(1, Kind.ATTENTION, "4", "all", ChartOptions.ValueScale.LINEAR, ChartOptions.RangeMode.SHARED);
        assertEquals("block 4 does not exist: the table has blocks 0..1.", explorer.error());
        explorer.choose(0, Kind.ATTENTION, "all", "all", "last", ChartOptions.ValueScale.LINEAR,
            ChartOptions.RangeMode.SHARED);
        assertNull(explorer.error(), explorer.error());
        assertEquals(1, explorer.figure().grid().all().get(0).rows(), "each sequence's last position, averaged");
        explorer.choose(0, Kind.ATTENTION, "all", "all", "5", ChartOptions.ValueScale.LINEAR,
            ChartOptions.RangeMode.SHARED);
        assertEquals("position 5 does not exist: the longest sequence of the table has positions 0..2.",
            explorer.error());
        // the port is what the settings say, whatever the view shows
        assertEquals(2, HeatmapNodeTest.gridOf(m).gridRows());
        assertEquals(port.getWidth(), HeatmapNodeTest.png(out[0]).getWidth());
    }

    @Test
    void savedInternalsReopenTheExplorer(@TempDir final Path dir) throws Exception {
        NodeModel m = HeatmapNodeTest.model(s -> { });
        NodeSettings saved = NodeTestHarness.saveSettings(m);
        NodeTestHarness.run(m, HeatmapNodeTest.extracted());
        File internals = dir.toFile();
        NodeTestHarness.saveInternals(m, internals);
        assertTrue(Files.size(dir.resolve("heatmap-table.bin")) > 100);
        NodeModel reopened = HeatmapNodeTest.model(s -> { });
        NodeTestHarness.loadSettings(reopened, saved);
        NodeTestHarness.loadInternals(reopened, internals);
        HeatmapExplorer explorer = open(reopened);
        assertNotNull(explorer);
        explorer.choose(3, Kind.ATTENTION, "0", "0", ChartOptions.ValueScale.LINEAR, ChartOptions.RangeMode.SHARED);
        assertNull(explorer.error(), explorer.error());
        assertTrue(explorer.figure().grid().title().contains("Row2"), explorer.figure().grid().title());
        HeatmapExplorer original = open(m);
        original.choose(3, Kind.ATTENTION, "0", "0", ChartOptions.ValueScale.LINEAR, ChartOptions.RangeMode.SHARED);
        assertEquals(original.figure().grid().all().get(0).value(2, 1),
            explorer.figure().grid().all().get(0).value(2, 1), 0f, "the same values after reopening");
        // a workflow saved before the view explored (no table file) still opens, with its figure
        Files.delete(dir.resolve("heatmap-table.bin"));
        NodeModel old = HeatmapNodeTest.model(s -> { });
        NodeTestHarness.loadInternals(old, internals);
        HeatmapExplorer fixed = open(old);
        assertNotNull(fixed.figure());
        fixed.choose(0, null, "0", "all", ChartOptions.ValueScale.LINEAR, ChartOptions.RangeMode.SHARED);
        assertTrue(fixed.error().contains("saved before the view could explore"), fixed.error());
    }

    @Test
    void aTableLargerThanTheViewKeepsFallsBackWithAWarning() throws Exception {
        String before = System.getProperty("gtlens.heatmap.viewBytes");
        System.setProperty("gtlens.heatmap.viewBytes", "4400"); // 100 rows
        try {
            NodeModel m = HeatmapNodeTest.model(s -> { });
            NodeTestHarness.run(m, HeatmapNodeTest.extracted());
            String warning = NodeTestHarness.warningMessage(m);
            assertNotNull(warning);
            assertTrue(warning.contains("more than the view keeps (100 rows"), warning);
            assertEquals(6, HeatmapNodeTest.gridOf(m).all().size(), "the port figure is complete all the same");
            HeatmapExplorer explorer = open(m);
            assertEquals(1, explorer.panel().grid().all().size() == 6 ? 1 : 0, "it shows the configured figure");
            explorer.choose(0, null, "1", "all", ChartOptions.ValueScale.LINEAR, ChartOptions.RangeMode.SHARED);
            assertEquals(warning, explorer.error());
        } finally {
            if (before == null) {
                System.clearProperty("gtlens.heatmap.viewBytes");
            } else {
                System.setProperty("gtlens.heatmap.viewBytes", before);
            }
        }
    }

    @Test
    void positionsSettingDrawsTheChosenRowsOfEachSequence() throws Exception {
        NodeModel m = HeatmapNodeTest.model(s -> {
            s.addString("positions", "0,last");
            s.addString("source_row", "Row1");
        });
        NodeTestHarness.run(m, HeatmapNodeTest.extracted());
        HeatmapGrid g = HeatmapNodeTest.gridOf(m);
        assertEquals(2, g.panel(0, 0).rows(), "rows 0 and 2 of a sequence of 3");
        assertEquals(List.of("Out 0: 4", "Out 2: 6"), g.panel(0, 0).rowLabels());
        HeatmapExplorer explorer = open(m);
        assertNull(explorer.error(), explorer.error());
        assertEquals(2, explorer.figure().grid().panel(0, 0).rows(), "the view opens on the settings' choice");
        Exception e = assertThrows(InvalidSettingsException.class, () -> NodeTestHarness.run(
            HeatmapNodeTest.model(s -> s.addString("positions", "9")), HeatmapNodeTest.extracted()));
        assertEquals("position 9 does not exist: the longest sequence of the table has positions 0..2.",
            e.getMessage());
    }

    @Test
    void blocksHeadsAndValueScaleAreSettingsOldWorkflowsLoadWithout() throws Exception {
        NodeModel m = HeatmapNodeTest.model(s -> {
            s.addString("blocks", "last");
            s.addString("heads", "0,2");
            s.addString("value_scale", "log");
        });
        NodeTestHarness.run(m, HeatmapNodeTest.extracted());
        HeatmapGrid g = HeatmapNodeTest.gridOf(m);
        assertEquals(1, g.gridRows());
        assertEquals(2, g.gridCols());
        assertEquals("Block 1 \u00b7 Head 2", g.panel(0, 1).title());
        // settings of the first version (no such keys) load and draw every block and head on a linear scale
        NodeSettings current = NodeTestHarness.saveSettings(HeatmapNodeTest.model(s -> { }));
        NodeSettings old = new NodeSettings("model");
        for (String key : new String[]{"kind", "source_row", "facet_rows_column", "facet_columns_column",
            "row_column", "column_column", "value_column", "color_scale", "value_labels", "range", "image_format"}) {
            old.addString(key, current.getString(key));
        }
        old.addInt("image_width", current.getInt("image_width"));
        old.addInt("image_height", current.getInt("image_height"));
        NodeModel legacy = HeatmapNodeTest.model(s -> { });
        NodeTestHarness.loadSettings(legacy, old);
        NodeTestHarness.run(legacy, HeatmapNodeTest.extracted());
        assertEquals(6, HeatmapNodeTest.gridOf(legacy).all().size());
        assertEquals("all", NodeTestHarness.saveSettings(legacy).getString("blocks"));
        assertEquals("linear", NodeTestHarness.saveSettings(legacy).getString("value_scale"));
        NodeSettings bad = NodeTestHarness.saveSettings(legacy);
        bad.addString("value_scale", "cubic");
        Exception e = assertThrows(InvalidSettingsException.class, () -> NodeTestHarness.validateSettings(legacy,
            bad));
        assertEquals("Unknown value scale 'cubic'; use linear, log or row.", e.getMessage());
        Exception beyond = assertThrows(InvalidSettingsException.class, () -> NodeTestHarness.run(
            HeatmapNodeTest.model(s -> s.addString("blocks", "5")), HeatmapNodeTest.extracted()));
        assertEquals("block 5 does not exist: the table has blocks 0..1.", beyond.getMessage());
        assertNotEquals(null, beyond);
    }
}
