package org.gtlens.knime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Component;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.nio.file.Path;
import java.util.function.Consumer;

import javax.imageio.ImageIO;
import javax.swing.JScrollPane;

import org.gtlens.chart.data.HeatmapGrid;
import org.gtlens.chart.swing.HeatmapPanel;
import org.gtlens.knime.heatmap.HeatmapNodeFactory;
import org.gtlens.knime.heatmap.HeatmapNodeModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.data.image.png.PNGImageCell;
import org.knime.core.data.image.png.PNGImageContent;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeTestHarness;
import org.knime.core.node.NodeView;
import org.knime.core.node.TestTables;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.image.ImagePortObject;
import org.knime.core.node.port.image.ImagePortObjectSpec;

class HeatmapNodeTest {

    static NodeModel model(final Consumer<NodeSettings> change) throws InvalidSettingsException {
        NodeModel m = NodeTestHarness.createModel(new HeatmapNodeFactory());
        NodeSettings s = NodeTestHarness.saveSettings(m);
        change.accept(s);
        NodeTestHarness.loadSettings(m, s);
        return m;
    }

    /** The long representation table of Extract Representations (attention and out) over three sequences. */
    static BufferedDataTable extracted() throws Exception {
        NodeModel x = ExtractRepresentationsNodeTest.model(s -> s.addBoolean("kind_out", true));
        PortObject[] out = NodeTestHarness.run(x, TestSupport.defaultPort(),
            ExtractRepresentationsNodeTest.sequences("1,2,3", "4,5,6", "7,8,9"));
        return (BufferedDataTable)out[1];
    }

    static BufferedImage png(final PortObject port) throws Exception {
        ImagePortObject image = (ImagePortObject)port;
        assertEquals(PNGImageContent.TYPE, image.getSpec().getDataType());
        byte[] bytes = ((PNGImageCell)image.toDataCell()).getImageContent().getByteArray();
        return ImageIO.read(new ByteArrayInputStream(bytes));
    }

    @Test
    void drawsTheExtractOutputAsPngOfTheChosenSize() throws Exception {
        NodeModel m = model(s -> {
            s.addInt("image_width", 640);
            s.addInt("image_height", 480);
        });
        PortObject[] out = NodeTestHarness.run(m, extracted());
        BufferedImage img = png(out[0]);
        assertEquals(640, img.getWidth());
        assertEquals(480, img.getHeight());
        NodeView<?> view = NodeTestHarness.createView(new HeatmapNodeFactory(), 0, (HeatmapNodeModel)m);
        NodeTestHarness.openView(view);
        HeatmapPanel panel = panelOf(NodeTestHarness.viewComponent(view));
        HeatmapGrid grid = panel.grid();
        assertNotNull(grid);
        assertEquals(2, grid.gridRows()); // blocks
        assertEquals(3, grid.gridCols()); // heads
        assertEquals("Block 0 \u00b7 Head 1", grid.panel(0, 1).title());
        assertEquals("Out 2: 3", grid.panel(0, 0).rowLabels().get(2)); // labels of the first source row
        assertTrue(grid.title().contains("mean over 3 source rows"), grid.title());
        NodeTestHarness.reset(m);
        NodeTestHarness.notifyViews(m);
        NodeTestHarness.closeView(view);
    }

    static HeatmapPanel panelOf(final Component c) {
        if (c instanceof HeatmapPanel p) {
            return p;
        }
        if (c instanceof java.awt.Container container) {
            for (Component child : container.getComponents()) {
                try {
                    return panelOf(child);
                } catch (AssertionError e) {
                    // not in this child
                }
            }
        }
        throw new AssertionError("no heatmap panel in " + c);
    }

    @Test
    void oneSourceRowAndOneKind() throws Exception {
        NodeModel m = model(s -> {
            s.addString("kind", "out");
            s.addString("source_row", "Row1");
            s.addString("facet_columns_column", "");
        });
        NodeTestHarness.run(m, extracted());
        HeatmapGrid grid = gridOf(m);
        assertNotNull(grid);
        assertEquals(2, grid.gridRows());
        assertEquals(1, grid.gridCols());
        assertEquals(6, grid.panel(0, 0).cols()); // k = 6
        assertEquals("e5", grid.panel(0, 0).colLabels().get(5));
        assertEquals("Out of source row Row1", grid.title());
        Exception e = assertThrows(InvalidSettingsException.class,
            () -> NodeTestHarness.run(model(s -> s.addString("source_row", "Row9")), extracted()));
        assertEquals("No rows to draw of kind 'attention' and from source row 'Row9' in the input table.",
            e.getMessage());
    }

    static HeatmapGrid gridOf(final NodeModel m) {
        return ((HeatmapNodeModel)m).grid();
    }

    @Test
    void secondModelBlockLevelKindWithVocabLabels() throws Exception {
        NodeModel x = ExtractRepresentationsNodeTest.model(s -> {
            s.addBoolean("kind_attention", false);
            s.addBoolean("kind_logprobs", true);
        });
        PortObject[] out = NodeTestHarness.run(x, TestSupport.secondPort(),
            ExtractRepresentationsNodeTest.sequences("1,2,3,4,5", "6,7,8,9,10"));
        NodeModel m = model(s -> {
            s.addString("kind", "logprobs");
            s.addString("source_row", "Row0");
            s.addString("value_labels", "off");
        });
        BufferedImage img = png(NodeTestHarness.run(m, out[1])[0]);
        assertEquals(800, img.getWidth());
        assertEquals(600, img.getHeight());
        HeatmapGrid grid = gridOf(m);
        assertEquals(3, grid.gridRows()); // depth 3
        assertEquals(1, grid.gridCols()); // no heads for logprobs
        assertEquals("Block 2", grid.panel(2, 0).title());
        assertEquals(12, grid.panel(0, 0).cols());
        assertEquals("<pad>", grid.panel(0, 0).colLabels().get(0));
        assertEquals("Pos 1: b", grid.panel(0, 0).rowLabels().get(1));
        assertEquals("Vocab-Token v", grid.colAxisTitle());
    }

    @Test
    void configureNamesMissingColumns() throws Exception {
        DataTableSpec spec = new DataTableSpec(new String[]{"Block", "Head", "Row", "Column", "Score"},
            new DataType[]{IntCell.TYPE, IntCell.TYPE, IntCell.TYPE, IntCell.TYPE, DoubleCell.TYPE});
        InvalidSettingsException e =
            assertThrows(InvalidSettingsException.class, () -> NodeTestHarness.configure(model(s -> { }), spec));
        assertEquals("The value column 'Value' does not exist in the input table; choose another one in the dialog.",
            e.getMessage());
        NodeModel ok = model(s -> s.addString("value_column", "Score"));
        assertTrue(NodeTestHarness.configure(ok, spec)[0] instanceof ImagePortObjectSpec);
        e = assertThrows(InvalidSettingsException.class, () -> NodeTestHarness.configure(model(s -> {
            s.addString("value_column", "Score");
            s.addString("facet_rows_column", "Layer");
        }), spec));
        assertEquals("The facet rows column 'Layer' does not exist in the input table; choose another one or none in "
            + "the dialog.", e.getMessage());
        DataTableSpec text = new DataTableSpec(new String[]{"Row", "Column", "Value"},
            new DataType[]{StringCell.TYPE, IntCell.TYPE, DoubleCell.TYPE});
        e = assertThrows(InvalidSettingsException.class, () -> NodeTestHarness.configure(model(s -> {
            s.addString("facet_rows_column", "");
            s.addString("facet_columns_column", "");
        }), text));
        assertTrue(e.getMessage().startsWith("The row column 'Row' holds "), e.getMessage());
        e = assertThrows(InvalidSettingsException.class, () -> NodeTestHarness.configure(model(s -> {
            s.addString("value_column", "Score");
            s.addString("source_row", "Row0");
        }), spec));
        assertTrue(e.getMessage().contains("no column 'Row ID of source'"), e.getMessage());
    }

    @Test
    void settingsAndInternalsRoundTrip(@TempDir final Path dir) throws Exception {
        NodeModel m = model(s -> {
            s.addString("color_scale", "diverging");
            s.addString("value_labels", "off");
            s.addString("range", "per panel");
            s.addInt("image_width", 300);
        });
        NodeSettings saved = NodeTestHarness.saveSettings(m);
        NodeModel other = model(s -> { });
        NodeTestHarness.loadSettings(other, saved);
        // "per panel", as the first version stored it, loads and is stored as the stable key from then on
        assertEquals("panel", NodeTestHarness.saveSettings(other).getString("range"));
        NodeSettings bad = NodeTestHarness.saveSettings(other);
        bad.addString("color_scale", "rainbow");
        assertThrows(InvalidSettingsException.class, () -> NodeTestHarness.validateSettings(other, bad));
        NodeTestHarness.run(m, extracted());
        File internals = dir.toFile();
        NodeTestHarness.saveInternals(m, internals);
        NodeModel reopened = model(s -> { });
        NodeTestHarness.loadSettings(reopened, saved);
        NodeTestHarness.loadInternals(reopened, internals);
        HeatmapGrid a = gridOf(m);
        HeatmapGrid b = gridOf(reopened);
        assertEquals(a.title(), b.title());
        assertEquals(a.gridRows(), b.gridRows());
        assertEquals(a.panel(1, 2).title(), b.panel(1, 2).title());
        assertEquals(a.panel(1, 2).value(2, 1), b.panel(1, 2).value(2, 1), 0f);
        assertEquals(a.panel(1, 2).rowLabels(), b.panel(1, 2).rowLabels());
        NodeTestHarness.reset(m);
        assertNull(gridOf(m));
    }

    @Test
    void dialogOpensOnTheExtractSpec() throws Exception {
        var d = NodeTestHarness.createDialog(new HeatmapNodeFactory());
        NodeTestHarness.loadDialog(d, NodeTestHarness.saveSettings(model(s -> { })),
            extracted().getDataTableSpec());
        NodeSettings s = NodeTestHarness.saveDialog(d);
        assertEquals("Value", s.getString("value_column"));
        assertEquals("Block", s.getString("facet_rows_column"));
        NodeTestHarness.loadSettings(model(x -> { }), s);
    }

    static BufferedDataTable table(final String[] names, final DataType[] types, final Object[]... rows) {
        return TestTables.table(names, types, rows);
    }
}
