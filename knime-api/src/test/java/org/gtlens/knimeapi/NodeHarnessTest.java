package org.gtlens.knimeapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.GraphicsEnvironment;
import java.util.List;

import javax.swing.JLabel;

import org.gtlens.knimeapi.sample.ImageNodeModel;
import org.gtlens.knimeapi.sample.SampleNodeFactory;
import org.gtlens.knimeapi.sample.SampleNodeModel;
import org.gtlens.knimeapi.sample.SamplePortObject;
import org.gtlens.knimeapi.sample.SampleSpec;
import org.junit.jupiter.api.Test;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.collection.ListCell;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.data.image.png.PNGImageContent;
import org.knime.core.data.image.png.PNGImageValue;
import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeTestHarness;
import org.knime.core.node.NodeView;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.StreamingResult;
import org.knime.core.node.TestExecution;
import org.knime.core.node.TestTables;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.image.ImagePortObject;
import org.knime.core.node.streamable.PortObjectInput;

/** Runs a plugin-style node (model, dialog, view, streaming) through the harness, as plugin tests will. */
class NodeHarnessTest {

    private static final SamplePortObject MODEL = new SamplePortObject(new SampleSpec("m", 4, 8), "weights");

    private static BufferedDataTable input() {
        return TestTables.table(new String[]{"id", "text"}, new DataType[]{IntCell.TYPE, StringCell.TYPE},
            new Object[]{1, "ab"}, new Object[]{2, "xyz"}, new Object[]{3, null});
    }

    private static SampleNodeModel configuredModel() throws InvalidSettingsException {
        SampleNodeModel m = NodeTestHarness.createModel(new SampleNodeFactory());
        NodeSettings s = NodeTestHarness.saveSettings(m);
        s.addString("column", "text");
        s.addInt("factor", 2);
        NodeTestHarness.loadSettings(m, s);
        return m;
    }

    @Test
    void settingsRoundTripAndValidation() throws Exception {
        SampleNodeModel m = NodeTestHarness.createModel(new SampleNodeFactory());
        NodeSettings defaults = NodeTestHarness.saveSettings(m);
        assertEquals(1, defaults.getInt("factor"));
        NodeSettings bad = NodeTestHarness.saveSettings(m);
        bad.addInt("factor", 99);
        assertThrows(InvalidSettingsException.class, () -> NodeTestHarness.loadSettings(m, bad));
        NodeSettings incomplete = new NodeSettings("x");
        assertThrows(InvalidSettingsException.class, () -> NodeTestHarness.validateSettings(m, incomplete));
        SampleNodeModel c = configuredModel();
        assertEquals("text", NodeTestHarness.saveSettings(c).getString("column"));
    }

    @Test
    void configureExecuteAndCheckOutputs() throws Exception {
        SampleNodeModel m = configuredModel();
        PortObjectSpec[] specs = NodeTestHarness.configure(m, MODEL.getSpec(), input().getDataTableSpec());
        DataTableSpec out = (DataTableSpec)specs[0];
        assertEquals(List.of("id", "text", "len", "codes"), List.of(out.getColumnNames()));
        assertEquals(ListCell.getCollectionType(IntCell.TYPE), out.getColumnSpec("codes").getType());

        TestExecution ex = TestExecution.create();
        PortObject[] result = NodeTestHarness.run(m, ex.context(), MODEL, input());
        BufferedDataTable t = (BufferedDataTable)result[0];
        assertEquals(3, t.size());
        assertEquals(List.of(new DoubleCell(6), new DoubleCell(8), DataType.getMissingCell()),
            TestTables.column(t, "len"));
        ListCell codes = (ListCell)TestTables.column(t, "codes").get(0);
        assertEquals(List.of(new IntCell('a'), new IntCell('b')), List.of(codes.get(0), codes.get(1)));
        assertEquals(1.0, ex.progress(), 1e-9);
        assertNull(NodeTestHarness.warningMessage(m));

        NodeTestHarness.run(m, MODEL, TestTables.table(input().getDataTableSpec()));
        assertEquals("Empty input table", NodeTestHarness.warningMessage(m));

        NodeSettings wrong = NodeTestHarness.saveSettings(m);
        wrong.addString("column", "id");
        NodeTestHarness.loadSettings(m, wrong);
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
            () -> NodeTestHarness.configure(m, MODEL.getSpec(), input().getDataTableSpec()));
        assertTrue(e.getMessage().contains("no string column"), e.getMessage());
    }

    @Test
    void cancelingStopsExecution() throws Exception {
        SampleNodeModel m = configuredModel();
        TestExecution ex = TestExecution.create();
        ex.cancelAfterChecks(1);
        assertThrows(CanceledExecutionException.class, () -> NodeTestHarness.run(m, ex.context(), MODEL, input()));
        TestExecution streaming = TestExecution.create();
        streaming.cancel();
        assertThrows(CanceledExecutionException.class,
            () -> NodeTestHarness.runStreamable(m, streaming.context(), MODEL, input()));
    }

    @Test
    void streamingGivesTheSameTableAsExecute() throws Exception {
        SampleNodeModel m = configuredModel();
        BufferedDataTable executed = (BufferedDataTable)NodeTestHarness.run(m, MODEL, input())[0];
        StreamingResult r = NodeTestHarness.runStreamable(m, MODEL, input());
        assertEquals(TestTables.rows(executed), TestTables.rows(r.table(0)));
        assertEquals(executed.getDataTableSpec(), r.table(0).getDataTableSpec());
        assertTrue(r.rowInput(1).isClosed());
        assertEquals(3, r.rowInput(1).polledRows());
        assertTrue(r.allRowInputsDone());
    }

    @Test
    void defaultStreamableOperatorRunsExecuteAndFillsAllOutputs() throws Exception {
        ImageNodeModel m = new ImageNodeModel();
        BufferedDataTable in = TestTables.table(new String[]{"x"}, new DataType[]{DoubleCell.TYPE},
            new Object[]{1.5}, new Object[]{2});
        PortObject[] executed = NodeTestHarness.run(m, in);
        StreamingResult r = NodeTestHarness.runStreamable(m, in);
        assertEquals(TestTables.rows((BufferedDataTable)executed[0]), TestTables.rows(r.table(0)));
        assertEquals(new DoubleCell(3.5), TestTables.rows(r.table(0)).get(0).getCell(0));
        ImagePortObject image = assertInstanceOf(ImagePortObject.class, r.outputs()[1]);
        assertEquals(4, ((PNGImageContent)((PNGImageValue)image.toDataCell()).getImageContent()).getImage()
            .getWidth(null));
        assertInstanceOf(PortObjectInput.class, r.inputs().get(0), "default roles are non-streamable");
        assertThrows(InvalidSettingsException.class, () -> NodeTestHarness.configure(m,
            new DataTableSpec(new String[]{"s"}, new DataType[]{StringCell.TYPE})));
    }

    @Test
    void harnessChecksOutputsLikeKnime() throws Exception {
        BufferedDataTable in = TestTables.table(new String[]{"x"}, new DataType[]{IntCell.TYPE}, new Object[]{1});
        NodeModel liar = new NodeModel(1, 1) {
            @Override
            protected DataTableSpec[] configure(final DataTableSpec[] inSpecs) {
                return new DataTableSpec[]{new DataTableSpec(new String[]{"promised"},
                    new DataType[]{StringCell.TYPE})};
            }

            @Override
            protected BufferedDataTable[] execute(final BufferedDataTable[] inData,
                final org.knime.core.node.ExecutionContext exec) {
                return inData;
            }

            @Override
            protected void saveSettingsTo(final org.knime.core.node.NodeSettingsWO settings) {
            }

            @Override
            protected void validateSettings(final org.knime.core.node.NodeSettingsRO settings) {
            }

            @Override
            protected void loadValidatedSettingsFrom(final org.knime.core.node.NodeSettingsRO settings) {
            }

            @Override
            protected void reset() {
            }

            @Override
            protected void loadInternals(final java.io.File dir, final org.knime.core.node.ExecutionMonitor exec) {
            }

            @Override
            protected void saveInternals(final java.io.File dir, final org.knime.core.node.ExecutionMonitor exec) {
            }
        };
        assertEquals(1, NodeTestHarness.execute(liar, in).length, "plain execute does not check");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> NodeTestHarness.run(liar, in));
        assertTrue(e.getMessage().contains("configure promised"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> NodeTestHarness.run(liar, in, in));
        assertEquals(List.of(BufferedDataTable.TYPE), List.of(NodeTestHarness.inPortTypes(liar)));
    }

    @Test
    void dialogLoadsAndSavesThroughItsComponents() throws Exception {
        assertTrue(GraphicsEnvironment.isHeadless(), "tests run headless");
        SampleNodeFactory f = new SampleNodeFactory();
        assertTrue(NodeTestHarness.hasDialog(f));
        NodeDialogPane d = NodeTestHarness.createDialog(f);
        assertEquals(List.of("Options", "Advanced"), NodeTestHarness.tabTitles(d));
        NodeSettings s = NodeTestHarness.saveSettings(configuredModel());
        NodeTestHarness.loadDialog(d, s, MODEL.getSpec(), input().getDataTableSpec());
        InvalidSettingsException noPath = assertThrows(InvalidSettingsException.class,
            () -> NodeTestHarness.saveDialog(d));
        assertTrue(noPath.getMessage().contains("No location given"), noPath.getMessage());
        s.addString("path", "/tmp/model.onnx");
        NodeTestHarness.loadDialog(d, s, MODEL.getSpec(), input().getDataTableSpec());
        NodeSettings saved = NodeTestHarness.saveDialog(d);
        assertEquals("text", saved.getString("column"));
        assertEquals(2, saved.getInt("factor"));
        assertEquals("fast", saved.getString("mode"));
        assertEquals("/tmp/model.onnx", saved.getString("path"));
        NodeTestHarness.validateSettings(NodeTestHarness.createModel(f), saved);

        DataTableSpec noStrings = new DataTableSpec(new String[]{"id"}, new DataType[]{IntCell.TYPE});
        assertThrows(NotConfigurableException.class, () -> NodeTestHarness.loadDialog(d, s, MODEL.getSpec(),
            noStrings));
        NodeSettings fresh = new NodeSettings("fresh");
        NodeTestHarness.loadDialog(d, fresh, MODEL.getSpec(), input().getDataTableSpec());
        assertEquals("text", NodeTestHarness.saveDialog(d).getString("column"),
            "the last compatible column (here the only string column) is selected");
        NodeTestHarness.closeDialog(d);
    }

    @Test
    void viewsFollowTheModel() throws Exception {
        SampleNodeFactory f = new SampleNodeFactory();
        SampleNodeModel m = configuredModel();
        assertEquals(1, NodeTestHarness.nrViews(f));
        NodeView<SampleNodeModel> v = NodeTestHarness.createView(f, 0, m);
        JLabel label = assertInstanceOf(JLabel.class, NodeTestHarness.viewComponent(v));
        NodeTestHarness.openView(v);
        assertTrue(NodeTestHarness.isOpen(v));
        assertEquals("factor=2", label.getText());
        assertEquals("opened", label.getName());
        NodeSettings s = NodeTestHarness.saveSettings(m);
        s.addInt("factor", 5);
        NodeTestHarness.loadSettings(m, s);
        NodeTestHarness.notifyViews(m);
        assertEquals("factor=5", label.getText());
        NodeTestHarness.closeView(v);
        assertFalse(NodeTestHarness.isOpen(v));
        assertEquals("closed", label.getName());
        assertThrows(IndexOutOfBoundsException.class, () -> NodeTestHarness.createView(f, 1, m));
    }

    /** A streamable copy node whose operator leaves its input and output open, which KNIME's executor closes. */
    static final class LeavesOpen extends org.knime.core.node.NodeModel {
        LeavesOpen() {
            super(1, 1);
        }

        @Override
        protected org.knime.core.data.DataTableSpec[] configure(final org.knime.core.data.DataTableSpec[] in) {
            return in;
        }

        @Override
        public org.knime.core.node.streamable.InputPortRole[] getInputPortRoles() {
            return new org.knime.core.node.streamable.InputPortRole[]{
                org.knime.core.node.streamable.InputPortRole.NONDISTRIBUTED_STREAMABLE};
        }

        @Override
        public org.knime.core.node.streamable.StreamableOperator createStreamableOperator(
            final org.knime.core.node.streamable.PartitionInfo p, final org.knime.core.node.port.PortObjectSpec[] s) {
            return new org.knime.core.node.streamable.StreamableOperator() {
                @Override
                public void runFinal(final org.knime.core.node.streamable.PortInput[] in,
                    final org.knime.core.node.streamable.PortOutput[] out, final org.knime.core.node.ExecutionContext e)
                    throws Exception {
                    org.knime.core.data.DataRow r = ((org.knime.core.node.streamable.RowInput)in[0]).poll();
                    ((org.knime.core.node.streamable.RowOutput)out[0]).push(r); // first row only, nothing closed
                }
            };
        }

        @Override
        protected void loadInternals(final java.io.File d, final org.knime.core.node.ExecutionMonitor e) {
        }

        @Override
        protected void saveInternals(final java.io.File d, final org.knime.core.node.ExecutionMonitor e) {
        }

        @Override
        protected void saveSettingsTo(final org.knime.core.node.NodeSettingsWO s) {
        }

        @Override
        protected void validateSettings(final org.knime.core.node.NodeSettingsRO s) {
        }

        @Override
        protected void loadValidatedSettingsFrom(final org.knime.core.node.NodeSettingsRO s) {
        }

        @Override
        protected void reset() {
        }
    }

    @Test
    void streamingClosesInputsAndOutputsAfterRunFinalLikeKnime() throws Exception {
        StreamingResult r = NodeTestHarness.runStreamable(new LeavesOpen(), input());
        assertEquals(1, r.table(0).size());
        assertTrue(r.rowInput(0).isClosed());
        assertTrue(((org.knime.core.node.streamable.TestRowOutput)r.portOutputs().get(0)).isClosed());
    }
}
