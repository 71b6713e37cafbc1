package org.gtlens.knime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.gtlens.chart.data.HeatmapGrid;
import org.gtlens.knime.heatmap.HeatmapNodeModel;
import org.gtlens.knime.load.LoadGTransformerNodeFactory;
import org.gtlens.knime.port.GTransformerPortObject;
import org.junit.jupiter.api.Test;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataType;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.IntValue;
import org.knime.core.data.StringValue;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeTestHarness;
import org.knime.core.node.TestTables;
import org.knime.core.node.port.PortObject;

/**
 * A workflow as a user would build it: Load GTransformer -> Extract Representations on sequences with a class
 * column -> Joiner (class back onto the representation rows via Row ID of source) -> Row Filter (Kind = attention,
 * Block = 0) -> GroupBy (class, Head, Row, Column; mean of Value) -> Heatmap View (panels: class x Head). The joiner,
 * row filter and group-by are plain Java over the rows, standing in for KNIME's own nodes.
 */
class WorkflowStoryTest {

    @Test
    void attentionPerClassAsHeatmapImage() throws Exception {
        NodeModel load = NodeTestHarness.createModel(new LoadGTransformerNodeFactory());
        GTransformerPortObject model = (GTransformerPortObject)NodeTestHarness.run(load)[0];

        String[] seqs = {"1,2,3,4", "1,2,3,3", "5,6,7,8", "5,6,7,7", "1,1,2,2", "6,6,5,5"};
        String[] classes = {"rising", "rising", "rising", "rising", "pairs", "pairs"};
        Object[][] rows = new Object[seqs.length][];
        for (int i = 0; i < seqs.length; i++) {
            rows[i] = new Object[]{seqs[i], classes[i]};
        }
        BufferedDataTable in = TestTables.table(new String[]{"sequence", "class"},
            new DataType[]{StringCell.TYPE, StringCell.TYPE}, rows);
        NodeModel extract = ExtractRepresentationsNodeTest.model(s -> s.addBoolean("kind_keys", true));
        PortObject[] extracted = NodeTestHarness.run(extract, model, in);
        BufferedDataTable repr = (BufferedDataTable)extracted[1];

        // Joiner + Row Filter + GroupBy
        Map<String, String> classOf = new HashMap<>();
        for (DataRow r : TestTables.rows(in)) {
            classOf.put(r.getKey().getString(), ((StringValue)r.getCell(1)).getStringValue());
        }
        Map<List<Object>, double[]> groups = new TreeMap<>((a, b) -> a.toString().compareTo(b.toString()));
        for (DataRow r : TestTables.rows(repr)) {
            if (!"attention".equals(((StringValue)r.getCell(3)).getStringValue())
                || ((IntValue)r.getCell(1)).getIntValue() != 0) {
                continue;
            }
            List<Object> key = List.of(classOf.get(((StringValue)r.getCell(0)).getStringValue()),
                ((IntValue)r.getCell(2)).getIntValue(), ((IntValue)r.getCell(4)).getIntValue(),
                ((IntValue)r.getCell(5)).getIntValue());
            double[] acc = groups.computeIfAbsent(key, k -> new double[2]);
            acc[0] += ((DoubleValue)r.getCell(8)).getDoubleValue();
            acc[1]++;
        }
        List<Object[]> grouped = new ArrayList<>();
        groups.forEach((k, v) -> grouped.add(new Object[]{k.get(0), k.get(1), k.get(2), k.get(3), v[0] / v[1]}));
        BufferedDataTable mean = TestTables.table(new String[]{"class", "Head", "Row", "Column", "Mean(Value)"},
            new DataType[]{StringCell.TYPE, IntCell.TYPE, IntCell.TYPE, IntCell.TYPE, DoubleCell.TYPE},
            grouped.toArray(new Object[0][]));
        assertEquals(2 * 3 * 10, mean.size()); // 2 classes x 3 heads x 4x4 attention, 10 cells on or below the diagonal

        NodeModel heatmap = HeatmapNodeTest.model(s -> {
            s.addString("facet_rows_column", "class");
            s.addString("facet_columns_column", "Head");
            s.addString("value_column", "Mean(Value)");
            s.addInt("image_width", 900);
            s.addInt("image_height", 500);
        });
        PortObject[] image = NodeTestHarness.run(heatmap, mean);
        BufferedImage png = HeatmapNodeTest.png(image[0]);
        assertEquals(900, png.getWidth());
        assertEquals(500, png.getHeight());
        HeatmapGrid grid = ((HeatmapNodeModel)heatmap).grid();
        assertEquals(2, grid.gridRows());
        assertEquals(3, grid.gridCols());
        assertEquals("class pairs \u00b7 Head 0", grid.panel(0, 0).title());
        assertEquals("class rising \u00b7 Head 2", grid.panel(1, 2).title());
        // attention rows sum to 1, so do their means; the cells above the diagonal, which the causal mask makes 0,
        // are left out of the table and have no value in the figure (drawn as masked)
        for (int r = 0; r < 4; r++) {
            double sum = 0;
            for (int c = 0; c < 4; c++) {
                if (c > r) {
                    assertTrue(Float.isNaN(grid.panel(1, 1).value(r, c)));
                } else {
                    sum += grid.panel(1, 1).value(r, c);
                }
            }
            assertEquals(1.0, sum, 1e-5);
        }
        assertTrue(grid.title().startsWith("Attention"), grid.title());
        List<DataCell> predicted = TestTables.column((BufferedDataTable)extracted[0], "Predicted next token");
        assertEquals(seqs.length, predicted.size());
    }
}
