package org.gtlens.knime;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gtlens.knime.ablate.AblateHeadsNodeFactory;
import org.gtlens.knime.extract.ExtractRepresentationsNodeFactory;
import org.gtlens.knime.patch.PatchActivationsNodeFactory;
import org.gtlens.knime.heatmap.HeatmapNodeFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knime.core.data.image.png.PNGImageCell;
import org.knime.core.node.port.image.ImagePortObject;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataType;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeTestHarness;
import org.knime.core.node.TestTables;
import org.knime.core.node.port.PortObject;

/**
 * KNIME's column selectors rewrite a stored name they do not offer (to "&lt;none&gt;", else the last compatible
 * column) when the dialog opens, and OK saves that: opening a node's dialog and pressing OK on a table must leave
 * what the node draws or reads as it was.
 */
class ColumnSelectorsTest {

    /** The README's worked example: sequences in {@code tokens}, their class after them. */
    static BufferedDataTable tokensAndClass() {
        return TestTables.table(new String[]{"tokens", "class"}, new DataType[]{StringCell.TYPE, StringCell.TYPE},
            new Object[]{"1,2,3", "a"}, new Object[]{"4,5,6", "b"}, new Object[]{"7,8,9", "a"});
    }

    /** Opens the node's dialog on its current settings and the specs it is configured with, then presses OK. */
    static NodeSettings okInDialog(final NodeDialogPane dialog, final NodeModel m,
        final org.knime.core.node.port.PortObjectSpec... specs) throws Exception {
        NodeTestHarness.loadDialog(dialog, NodeTestHarness.saveSettings(m), specs);
        NodeSettings saved = NodeTestHarness.saveDialog(dialog);
        NodeTestHarness.closeDialog(dialog);
        return saved;
    }

    @Test
    void extractKeepsTheSequenceColumnWhenMeanPerGroupIsChosen() throws Exception {
        var port = TestSupport.defaultPort();
        BufferedDataTable table = tokensAndClass();
        NodeModel m = ExtractRepresentationsNodeTest.model(s -> {
            s.addString("aggregate", "group");
            s.addString("group_column", "class");
        });
        List<DataRow> before = TestTables.rows((BufferedDataTable)NodeTestHarness.run(m, port, table)[1]);
        NodeModel reopened = ExtractRepresentationsNodeTest.model(s -> {
            s.addString("aggregate", "group");
            s.addString("group_column", "class");
        });
        NodeTestHarness.configure(reopened, port.getSpec(), table.getDataTableSpec());
        NodeSettings ok = okInDialog(NodeTestHarness.createDialog(new ExtractRepresentationsNodeFactory()), reopened,
            port.getSpec(), table.getDataTableSpec());
        assertNotEquals("class", ok.getString("sequence_column"), "the dialog must not re-point the sequences");
        NodeTestHarness.loadSettings(reopened, ok);
        PortObject[] out = NodeTestHarness.run(reopened, port, table);
        assertEquals(before.toString(), TestTables.rows((BufferedDataTable)out[1]).toString());
        assertEquals(2, TestTables.rows((BufferedDataTable)out[1]).stream()
            .map(r -> r.getCell(0).toString()).distinct().count(), "one mean per class");
    }

    /** OK in the causal nodes' dialogs keeps their settings: the same tables come out. */
    @Test
    void okInTheCausalNodesDialogsKeepsTheirTables() throws Exception {
        var port = TestSupport.defaultPort();
        BufferedDataTable classes = AblateHeadsNodeTest.toyTable();
        java.util.function.Consumer<NodeSettings> ablate = s -> {
            s.addString("blocks", "last");
            s.addString("aggregate", "mean");
            s.addString("group_column", "class");
        };
        NodeModel a = AblateHeadsNodeTest.node(ablate);
        NodeTestHarness.configure(a, port.getSpec(), classes.getDataTableSpec());
        NodeSettings ok = okInDialog(NodeTestHarness.createDialog(new AblateHeadsNodeFactory()), a, port.getSpec(),
            classes.getDataTableSpec());
        assertEquals("class", ok.getString("group_column"));
        NodeTestHarness.loadSettings(a, ok);
        assertEquals(TestTables.rows((BufferedDataTable)NodeTestHarness.run(AblateHeadsNodeTest.node(ablate), port,
            classes)[0]).toString(), TestTables.rows((BufferedDataTable)NodeTestHarness.run(a, port, classes)[0])
                .toString());
        BufferedDataTable pairs = PatchActivationsNodeTest.toyTable();
        java.util.function.Consumer<NodeSettings> patch = s -> {
            s.addString("answer_column", "answer");
            s.addString("sites", "head");
        };
        NodeModel p = PatchActivationsNodeTest.node(patch);
        NodeTestHarness.configure(p, port.getSpec(), pairs.getDataTableSpec());
        ok = okInDialog(NodeTestHarness.createDialog(new PatchActivationsNodeFactory()), p, port.getSpec(),
            pairs.getDataTableSpec());
        assertEquals("corrupted", ok.getString("corrupted_column"));
        NodeTestHarness.loadSettings(p, ok);
        assertEquals(TestTables.rows((BufferedDataTable)NodeTestHarness.run(PatchActivationsNodeTest.node(patch),
            port, pairs)[0]).toString(), TestTables.rows((BufferedDataTable)NodeTestHarness.run(p, port, pairs)[0])
                .toString());
    }

    /** The tables Heatmap View draws, by name: Extract's outputs and a command-line CSV read back. */
    static Map<String, BufferedDataTable> drawnTables(final Path dir) throws Exception {
        Map<String, BufferedDataTable> tables = new LinkedHashMap<>();
        tables.put("long", HeatmapNodeTest.extracted());
        tables.put("matrix", extract(s -> s.addString("layout", "matrix")));
        tables.put("aggregated", extract(s -> s.addString("aggregate", "all")));
        tables.put("head scores", extract(s -> s.addString("second_output", "head_scores")));
        tables.put("lens statistics", extract(s -> s.addString("second_output", "lens_stats")));
        tables.put("CLI CSV", CsvIntoKnimeTest.cliLongTable(dir));
        tables.put("head ablation", (BufferedDataTable)NodeTestHarness.run(AblateHeadsNodeTest.node(s -> { }),
            TestSupport.defaultPort(), ExtractRepresentationsNodeTest.sequences("1,2,3", "4,5,6"))[0]);
        tables.put("patching", (BufferedDataTable)NodeTestHarness.run(PatchActivationsNodeTest.node(s -> { }),
            TestSupport.defaultPort(), PatchActivationsNodeTest.toyTable())[0]);
        return tables;
    }

    private static BufferedDataTable extract(final java.util.function.Consumer<NodeSettings> change)
        throws Exception {
        NodeModel x = ExtractRepresentationsNodeTest.model(s -> {
            s.addBoolean("kind_logprobs", true);
            change.accept(s);
        });
        return (BufferedDataTable)NodeTestHarness.run(x, TestSupport.defaultPort(),
            ExtractRepresentationsNodeTest.sequences("1,2,3", "4,5,6", "7,8,9"))[1];
    }

    static byte[] pngBytes(final PortObject port) {
        return ((PNGImageCell)((ImagePortObject)port).toDataCell()).getImageContent().getByteArray();
    }

    @Test
    void heatmapDrawsTheSameFigureAfterTheDialogOnEveryTable(@TempDir final Path dir) throws Exception {
        assertAll(drawnTables(dir).entrySet().stream().map(t -> () -> {
            BufferedDataTable table = t.getValue();
            byte[] defaults = pngBytes(NodeTestHarness.run(HeatmapNodeTest.model(s -> { }), table)[0]);
            NodeModel m = HeatmapNodeTest.model(s -> { });
            NodeTestHarness.configure(m, table.getDataTableSpec()); // KNIME configures a connected node first
            NodeSettings ok = okInDialog(NodeTestHarness.createDialog(new HeatmapNodeFactory()), m,
                table.getDataTableSpec());
            NodeTestHarness.loadSettings(m, ok);
            assertArrayEquals(defaults, pngBytes(NodeTestHarness.run(m, table)[0]), t.getKey());
        }));
    }

    @Test
    void configureStoresTheColumnsItFindsByTheirCsvKeys(@TempDir final Path dir) throws Exception {
        BufferedDataTable csv = CsvIntoKnimeTest.cliLongTable(dir);
        NodeModel m = HeatmapNodeTest.model(s -> { });
        NodeTestHarness.configure(m, csv.getDataTableSpec());
        assertEquals("Guessed the column 'block' for the panel rows, 'head' for the panel columns.",
            NodeTestHarness.warningMessage(m));
        assertEquals("block", NodeTestHarness.saveSettings(m).getString("facet_rows_column"));
        NodeTestHarness.configure(m, csv.getDataTableSpec());
        assertNull(NodeTestHarness.warningMessage(m), "guessed once, stored");
    }
}
