package org.gtlens.knime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.gtlens.analysis.HeadScore;
import org.gtlens.knime.extract.ExtractRepresentationsNodeFactory;
import org.junit.jupiter.api.Test;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataType;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.IntValue;
import org.knime.core.data.StringValue;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeTestHarness;
import org.knime.core.node.TestTables;
import org.knime.core.node.port.PortObject;

/** Extract Representations' dataset analysis: group means against torch.mean, and the summary outputs. */
class ExtractAnalysisNodeTest {

    private static float[] floats(final Path file) throws Exception {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        float[] v = new float[b.remaining() / 4];
        b.asFloatBuffer().get(v);
        return v;
    }

    /** The toy reference sequences with their toy class, as a KNIME table. */
    private static BufferedDataTable classes(final JsonObject manifest, final JsonArray labels) {
        JsonArray seqs = manifest.getAsJsonArray("sequences");
        Object[][] rows = new Object[seqs.size()][];
        for (int i = 0; i < rows.length; i++) {
            StringBuilder t = new StringBuilder();
            for (var v : seqs.get(i).getAsJsonArray()) {
                t.append(t.length() == 0 ? "" : ",").append(v.getAsInt());
            }
            rows[i] = new Object[]{t.toString(), labels.get(i).getAsString()};
        }
        return TestTables.table(new String[]{"sequence", "class"}, new DataType[]{StringCell.TYPE, StringCell.TYPE},
            rows);
    }

    /** Group means hold moments per group until the end: too many groups stop the node in one sentence, in time. */
    @Test
    void groupMeansCountAgainstTheMemorySetting() throws Exception {
        Object[][] rows = new Object[20_000][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = new Object[]{"4,5,5", "g" + i};
        }
        BufferedDataTable many = TestTables.table(new String[]{"sequence", "class"},
            new DataType[]{StringCell.TYPE, StringCell.TYPE}, rows);
        NodeModel m = ExtractRepresentationsNodeTest.model(s -> {
            for (org.gtlens.model.Kind k : org.gtlens.model.Kind.values()) {
                s.addBoolean("kind_" + k.contractName(), true);
            }
            s.addString("aggregate", "group");
            s.addString("group_column", "class");
            s.addInt("memory_mb", 64);
        });
        var e = assertThrows(Exception.class, () -> NodeTestHarness.run(m, TestSupport.defaultPort(), many));
        assertTrue(e.getMessage().matches("Means over more than \\d+ groups of \\d+ cells each \\([0-9.]+ KB a group\\) "
            + "do not fit in the memory budget of 64 MB; raise \"Memory per batch \\(MB\\)\".*"), e.getMessage());
        AblateHeadsNodeTest.assertOneSentence(e.getMessage());
        // with room for them, the same groups run
        NodeModel roomy = ExtractRepresentationsNodeTest.model(s -> {
            s.addString("aggregate", "group");
            s.addString("group_column", "class");
            s.addInt("memory_mb", 1024);
        });
        PortObject[] out = NodeTestHarness.run(roomy, TestSupport.defaultPort(), TestTables.table(
            new String[]{"sequence", "class"}, new DataType[]{StringCell.TYPE, StringCell.TYPE},
            java.util.Arrays.copyOf(rows, 2_000)));
        assertEquals(2_000, TestTables.rows((BufferedDataTable)out[1]).stream()
            .map(r -> ((StringValue)r.getCell(0)).getStringValue()).distinct().count());
    }

    @Test
    void groupMeansOfAttentionEqualTorchMeanPerClass() throws Exception {
        Path ref = TestSupport.root().resolve("models/reference");
        JsonObject manifest = JsonParser.parseString(Files.readString(ref.resolve("manifest.json"))).getAsJsonObject();
        JsonObject groups = JsonParser.parseString(Files.readString(ref.resolve("groups.json"))).getAsJsonObject();
        NodeModel m = ExtractRepresentationsNodeTest.model(s -> {
            s.addString("aggregate", "group");
            s.addString("group_column", "class");
            s.addBoolean("keep_masked", true);
        });
        PortObject[] out = NodeTestHarness.run(m, TestSupport.defaultPort(),
            classes(manifest, groups.getAsJsonArray("groups")));
        List<DataRow> rows = TestTables.rows((BufferedDataTable)out[1]);
        assertEquals(List.of("Group", "Block", "Head", "Kind", "Row", "Column", "Row label", "Column label", "Count",
            "Mean", "Standard deviation"), List.of(((BufferedDataTable)out[1]).getDataTableSpec().getColumnNames()));
        assertEquals(6 * 2 * 3 * 25, rows.size()); // groups x blocks x heads x 5x5
        for (DataRow r : rows) {
            String group = ((StringValue)r.getCell(0)).getStringValue();
            int block = ((IntValue)r.getCell(1)).getIntValue();
            int head = ((IntValue)r.getCell(2)).getIntValue();
            int row = ((IntValue)r.getCell(4)).getIntValue();
            int col = ((IntValue)r.getCell(5)).getIntValue();
            String file = groups.getAsJsonObject("means").getAsJsonObject(group)
                .getAsJsonObject("block" + block + ".attention").get("file").getAsString();
            float want = floats(ref.resolve(file))[(head * 5 + row) * 5 + col];
            assertEquals(want, ((DoubleValue)r.getCell(9)).getDoubleValue(), 1e-5, group + " " + block + "/" + head);
            assertEquals(groups.getAsJsonObject("counts").get(group).getAsInt(), ((IntValue)r.getCell(8)).getIntValue());
        }
    }

    @Test
    void headScoresAndLensStatisticsAsTheSecondOutput() throws Exception {
        BufferedDataTable in = ExtractRepresentationsNodeTest.sequences("4,5,5,5,4", "1,2,3", "7");
        NodeModel heads = ExtractRepresentationsNodeTest.model(s -> s.addString("second_output", "head_scores"));
        List<DataRow> h = TestTables.rows((BufferedDataTable)NodeTestHarness.run(heads, TestSupport.defaultPort(),
            in)[1]);
        assertEquals(3 * 2 * 3 * HeadScore.values().length, h.size());
        // missing as the contract says: previous_token of the one-token row, duplicate_token and induction of the
        // two rows without a repeated token
        long missing = h.stream().filter(r -> r.getCell(4).isMissing()).count();
        assertEquals(2 * 3 + 2 * 2 * (2 * 3), missing);
        NodeModel lens = ExtractRepresentationsNodeTest.model(s -> {
            s.addString("second_output", "lens_stats");
            s.addString("aggregate", "all");
        });
        List<DataRow> l = TestTables.rows((BufferedDataTable)NodeTestHarness.run(lens, TestSupport.defaultPort(),
            in)[1]);
        assertEquals(2 * 5 * 4, l.size()); // blocks x positions x statistics, over all rows
        for (DataRow r : l) {
            int position = ((IntValue)r.getCell(2)).getIntValue();
            // positions 0 has all 3 rows, 1-2 two, 3-4 one
            assertEquals(position == 0 ? 3 : position < 3 ? 2 : 1, ((IntValue)r.getCell(4)).getIntValue());
        }
    }

    @Test
    void inconsistentAnalysisSettingsAreRefusedInWords() throws Exception {
        NodeModel m = NodeTestHarness.createModel(new ExtractRepresentationsNodeFactory());
        var s = NodeTestHarness.saveSettings(m);
        s.addString("aggregate", "group");
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
            () -> NodeTestHarness.validateSettings(m, s));
        assertEquals("Aggregating per group needs a group column; choose one.", e.getMessage());
        s.addString("aggregate", "all");
        s.addString("layout", "matrix");
        e = assertThrows(InvalidSettingsException.class, () -> NodeTestHarness.validateSettings(m, s));
        assertTrue(e.getMessage().startsWith("Aggregated representations come in the long layout only"));
    }

    @Test
    void theHeatmapViewDrawsSummariesAndMeansWithItsDefaultSettings() throws Exception {
        BufferedDataTable in = ExtractRepresentationsNodeTest.sequences("4,5,5,5,4", "1,2,3,4,5");
        NodeModel heads = ExtractRepresentationsNodeTest.model(s -> s.addString("second_output", "head_scores"));
        BufferedDataTable scores = (BufferedDataTable)NodeTestHarness.run(heads, TestSupport.defaultPort(), in)[1];
        NodeModel view = HeatmapNodeTest.model(s -> { });
        NodeTestHarness.run(view, scores);
        var grid = HeatmapNodeTest.gridOf(view);
        assertEquals(1, grid.gridRows());
        assertEquals(HeadScore.values().length, grid.gridCols()); // one panel per score
        assertEquals(2, grid.panel(0, 0).rows()); // blocks
        assertEquals(3, grid.panel(0, 0).cols()); // heads
        assertTrue(grid.title().startsWith("Head scores"), grid.title());
        assertEquals("Block", grid.rowAxisTitle());

        NodeModel lens = ExtractRepresentationsNodeTest.model(s -> s.addString("second_output", "lens_stats"));
        NodeTestHarness.run(view, (BufferedDataTable)NodeTestHarness.run(lens, TestSupport.defaultPort(), in)[1]);
        grid = HeatmapNodeTest.gridOf(view);
        assertEquals(4, grid.gridCols());
        assertEquals(5, grid.panel(0, 0).cols()); // positions
        assertEquals("Position", grid.colAxisTitle());

        NodeModel mean = ExtractRepresentationsNodeTest.model(s -> s.addString("aggregate", "all"));
        BufferedDataTable means = (BufferedDataTable)NodeTestHarness.run(mean, TestSupport.defaultPort(), in)[1];
        NodeTestHarness.run(view, means);
        grid = HeatmapNodeTest.gridOf(view);
        assertEquals(2, grid.gridRows());
        assertEquals(3, grid.gridCols());
        assertEquals(1.0, grid.panel(0, 0).value(0, 0), 1e-6); // position 0 attends to itself only
    }
}
