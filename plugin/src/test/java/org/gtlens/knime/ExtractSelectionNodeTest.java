package org.gtlens.knime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import org.gtlens.knime.extract.ExtractRepresentationsNodeFactory;
import org.gtlens.knime.port.GTransformerPortObject;
import org.gtlens.runtime.GTransformer;
import org.gtlens.model.Kind;
import org.gtlens.repr.BatchResult;
import org.gtlens.repr.Extractor;
import org.gtlens.repr.Matrix;
import org.gtlens.repr.Sequence;
import org.junit.jupiter.api.Test;
import org.knime.core.data.DataRow;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.IntValue;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeTestHarness;
import org.knime.core.node.port.PortObject;

/** Extract Representations' selection and memory settings, and workflows saved before they existed. */
class ExtractSelectionNodeTest {

    /** The settings a workflow saved by the first version holds: labels as values, none of the later keys. */
    private static NodeSettings firstVersionSettings() {
        NodeSettings s = new NodeSettings("model");
        s.addString("sequence_mode", "One column (text or list of integers)");
        s.addString("sequence_column", "");
        s.addString("token_columns", "");
        s.addString("layout", "long");
        s.addInt("batch_size", 256);
        s.addString("on_bad_row", "Skip the row with a warning");
        for (Kind k : Kind.contract()) {
            s.addBoolean("kind_" + k.contractName(), k == Kind.ATTENTION);
        }
        return s;
    }

    @Test
    void firstVersionWorkflowsLoadAndGiveTheirOldOutput() throws Exception {
        NodeModel m = NodeTestHarness.createModel(new ExtractRepresentationsNodeFactory());
        NodeTestHarness.validateSettings(m, firstVersionSettings());
        NodeTestHarness.loadSettings(m, firstVersionSettings());
        PortObject[] out = NodeTestHarness.run(m, TestSupport.defaultPort(),
            ExtractRepresentationsNodeTest.sequences("1,2,3", "4,5"));
        // every attention cell, the masked ones too, as before: depth 2 x heads 3 x (3x3 + 2x2)
        assertEquals(2 * 3 * (9 + 4), ((BufferedDataTable)out[1]).size());
        NodeSettings saved = NodeTestHarness.saveSettings(m);
        assertEquals("column", saved.getString("sequence_mode"));
        assertEquals("skip", saved.getString("on_bad_row"));
        assertTrue(saved.getBoolean("keep_masked"));
        assertEquals("all", saved.getString("blocks"));
        assertEquals(0, saved.getInt("top_k"));
    }

    @Test
    void newNodesLeaveOutMaskedCells() throws Exception {
        NodeModel m = ExtractRepresentationsNodeTest.model(s -> { });
        PortObject[] out = NodeTestHarness.run(m, TestSupport.defaultPort(),
            ExtractRepresentationsNodeTest.sequences("1,2,3", "4,5"));
        assertEquals(2 * 3 * (6 + 3), ((BufferedDataTable)out[1]).size());
        for (DataRow r : ExtractRepresentationsNodeTest.rows(out[1])) {
            assertTrue(intAt(r, 5) <= intAt(r, 4), "a cell above the diagonal was written");
        }
    }

    private static int intAt(final DataRow r, final int i) {
        return ((IntValue)r.getCell(i)).getIntValue();
    }

    @Test
    void blocksHeadsPositionsAndTopKSelectExactlyWhatTheyName() throws Exception {
        GTransformerPortObject port = TestSupport.secondPort(); // depth 3, heads 2, V 12
        NodeModel m = ExtractRepresentationsNodeTest.model(s -> {
            s.addBoolean("kind_logprobs", true);
            s.addString("blocks", "last");
            s.addString("heads", "1");
            s.addString("positions", "0,last");
            s.addInt("top_k", 3);
        });
        NodeSettings saved = NodeTestHarness.saveSettings(m);
        NodeModel again = ExtractRepresentationsNodeTest.model(s -> { });
        NodeTestHarness.loadSettings(again, saved);
        assertEquals("0,last", NodeTestHarness.saveSettings(again).getString("positions"));
        int[] tokens = {1, 2, 3, 4, 5, 6, 7};
        PortObject[] out = NodeTestHarness.run(again, port, ExtractRepresentationsNodeTest.sequences("1,2,3,4,5,6,7"));
        List<DataRow> rows = ExtractRepresentationsNodeTest.rows(out[1]);
        // attention of block 2, head 1: row 0 (1 cell) and row 6 (7 cells); logprobs of block 2: 3 tokens per row
        assertEquals(1 + 7 + 2 * 3, rows.size());
        try (GTransformer g = port.openModel(1)) {
            BatchResult b = new Extractor(g, EnumSet.copyOf(Kind.contract()), 1).extract(new Sequence("Row0", tokens));
            List<Integer> top = new ArrayList<>();
            for (DataRow r : rows) {
                assertEquals(2, intAt(r, 1));
                Kind kind = Kind.fromContractName(((org.knime.core.data.StringValue)r.getCell(3)).getStringValue());
                int row = intAt(r, 4);
                int col = intAt(r, 5);
                assertTrue(row == 0 || row == 6);
                Matrix mx = b.matrix(0, kind, 2, kind.perHead() ? 1 : 0);
                if (kind.perHead()) {
                    assertEquals(1, intAt(r, 2));
                } else if (row == 6) {
                    top.add(col);
                }
                assertEquals(mx.get(row, col), ((DoubleValue)r.getCell(8)).getDoubleValue(), 0.0);
            }
            // the three most probable tokens after position 6, most probable first
            Matrix lp = b.matrix(0, Kind.LOGPROBS, 2, 0);
            List<Integer> expected = new ArrayList<>();
            for (int c = 0; c < lp.cols(); c++) {
                expected.add(c);
            }
            expected.sort((x, y) -> Float.compare(lp.get(6, y), lp.get(6, x)));
            assertEquals(expected.subList(0, 3), top);
        }
    }

    @Test
    void configureRejectsAnIndexOutsideTheModel() throws Exception {
        GTransformerPortObject port = TestSupport.secondPort();
        NodeModel m = ExtractRepresentationsNodeTest.model(s -> s.addString("blocks", "0,3"));
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> NodeTestHarness.configure(m,
            port.getSpec(), ExtractRepresentationsNodeTest.sequences("1").getDataTableSpec()));
        assertEquals("The selection does not fit the model: block 3 does not exist: the model has 3 blocks (0..2).",
            e.getMessage());
        assertThrows(InvalidSettingsException.class, () -> NodeTestHarness.validateSettings(m,
            settingsWith(s -> s.addString("heads", "one"))));
    }

    private static NodeSettings settingsWith(final java.util.function.Consumer<NodeSettings> change)
        throws Exception {
        NodeSettings s = NodeTestHarness.saveSettings(ExtractRepresentationsNodeTest.model(x -> { }));
        change.accept(s);
        return s;
    }

    @Test
    void aBudgetSmallerThanOneSequenceFailsWithTheSizesAndWhatToDo() throws Exception {
        GTransformerPortObject mid = TestSupport.load(TestSupport.root().resolve("models/mid/mid.onnx").toString());
        StringBuilder full = new StringBuilder();
        for (int i = 0; i < 64; i++) {
            full.append(i == 0 ? "" : ",").append(i % 64);
        }
        java.util.function.Consumer<NodeSettings> allKinds = s -> {
            for (Kind k : Kind.contract()) {
                s.addBoolean("kind_" + k.contractName(), true);
            }
        };
        NodeModel tight = ExtractRepresentationsNodeTest.model(allKinds.andThen(s -> s.addInt("memory_mb", 1)));
        NodeTestHarness.configure(tight, mid.getSpec(),
            ExtractRepresentationsNodeTest.sequences(full.toString()).getDataTableSpec());
        assertTrue(NodeTestHarness.warningMessage(tight).startsWith("At full length: One sequence of length 64"));
        Exception e = assertThrows(Exception.class,
            () -> NodeTestHarness.run(tight, mid, ExtractRepresentationsNodeTest.sequences(full.toString())));
        assertTrue(e.getMessage().matches("One sequence of length 64 needs 4\\.3 MB \\(its selected outputs.*"
            + "more than the memory budget of 1 MB per batch; raise \"Memory per batch \\(MB\\)\", select fewer "
            + "kinds or blocks, or use shorter sequences\\."), e.getMessage());
        assertFalse(e.getMessage().contains("Exception"));
        NodeModel enough = ExtractRepresentationsNodeTest.model(allKinds.andThen(s -> s.addInt("memory_mb", 5)));
        PortObject[] out = NodeTestHarness.run(enough, mid, ExtractRepresentationsNodeTest.sequences(full.toString(),
            full.toString()));
        assertEquals(2, ((BufferedDataTable)out[0]).size());
    }

    /** The command line's rule for positions a sequence does not have: none kept of any stops, some lacking warns. */
    @Test
    void positionsNoSequenceHasStopTheNodeAndSomeLackingWarn() throws Exception {
        var e = assertThrows(Exception.class, () -> org.knime.core.node.NodeTestHarness.run(
            ExtractRepresentationsNodeTest.model(s -> s.addString("positions", "3")), TestSupport.defaultPort(),
            ExtractRepresentationsNodeTest.sequences("1,2,3", "4,5")));
        assertEquals("Positions 3 selects no position of any of the 2 sequences (the longest has 3 tokens); nothing "
            + "is written.", e.getMessage());

        org.knime.core.node.NodeModel m = ExtractRepresentationsNodeTest.model(s -> s.addString("positions", "2"));
        var out = org.knime.core.node.NodeTestHarness.run(m, TestSupport.defaultPort(),
            ExtractRepresentationsNodeTest.sequences("1,2,3", "4,5", "1,2,3,4"));
        String warning = org.knime.core.node.NodeTestHarness.warningMessage(m);
        assertTrue(warning != null && warning.startsWith("Positions 2 selects no position of sequence Row1, which has "
            + "2 tokens (positions 0..1), and of 0 more of the 3 sequences;"), warning);
        assertFalse(ExtractRepresentationsNodeTest.rows(out[1]).isEmpty());

        // head scores cover every position whatever the selection: nothing to refuse
        org.knime.core.node.NodeTestHarness.run(ExtractRepresentationsNodeTest.model(s -> {
            s.addString("positions", "3");
            s.addString("second_output", "head_scores");
        }), TestSupport.defaultPort(), ExtractRepresentationsNodeTest.sequences("1,2,3", "4,5"));
    }
}
