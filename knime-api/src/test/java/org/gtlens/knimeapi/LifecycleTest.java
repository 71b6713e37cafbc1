package org.gtlens.knimeapi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.gtlens.knimeapi.sample.RecordingNodeFactory;
import org.gtlens.knimeapi.sample.RecordingNodeModel;
import org.gtlens.knimeapi.sample.SampleNodeModel;
import org.gtlens.knimeapi.sample.SamplePortObject;
import org.gtlens.knimeapi.sample.SampleSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.def.IntCell;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeTestHarness;
import org.knime.core.node.SavedNode;
import org.knime.core.node.TestTables;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.streamable.PartitionInfo;
import org.knime.core.node.streamable.PortInput;
import org.knime.core.node.streamable.PortOutput;
import org.knime.core.node.streamable.StreamableOperator;

/**
 * The node lifecycle as KNIME runs it (knime-core 5.5.3: Node, NodeModel, FileNodePersistor,
 * FileNativeNodeContainerPersistor, WorkflowManager; knime-streaming SingleNodeStreamer): configure and execute only
 * with every required input, internal tables taken after execute, disposed at reset and given back after load, and
 * the two load cycles (a workflow opened again, a streamed component's result).
 */
class LifecycleTest {

    private static BufferedDataTable table() {
        return TestTables.table(new String[]{"x"}, new DataType[]{IntCell.TYPE}, new Object[]{1}, new Object[]{2});
    }

    private static RecordingNodeModel executed() throws Exception {
        RecordingNodeModel m = NodeTestHarness.createModel(new RecordingNodeFactory());
        NodeTestHarness.run(m, table(), null);
        return m;
    }

    @Test
    void configureAndExecuteAreRefusedWithoutARequiredInputAsKnimeNeverCallsThem() throws Exception {
        RecordingNodeModel m = NodeTestHarness.createModel(new RecordingNodeFactory());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> NodeTestHarness.configure(m, null,
            null));
        assertTrue(e.getMessage().startsWith("Input 0 (") && e.getMessage().contains("required) has no spec: KNIME "
            + "never configures a node before every required input has its spec"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> NodeTestHarness.execute(m, (PortObject)null, table()));
        assertEquals(List.of(), m.events(), "the model was not called");
        NodeTestHarness.configure(m, table().getDataTableSpec(), null);
        assertEquals(List.of("configure optional=null"), m.events(), "an unconnected optional input is null");
    }

    @Test
    void aSpecOfTheWrongClassIsAnIncompatiblePortSpec() {
        SampleNodeModel m = new SampleNodeModel();
        SampleSpec wrong = new SampleSpec("m", 1, 1);
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
            () -> NodeTestHarness.configure(m, wrong, wrong));
        assertEquals("Incompatible port spec at port 1, expected: DataTableSpec, actual: SampleSpec", e.getMessage());
    }

    @Test
    void aPortObjectInputReachesExecuteAsACopyMadeByItsSerializers() throws Exception {
        SamplePortObject model = new SamplePortObject(new SampleSpec("m", 4, 8), "weights");
        SampleNodeModel m = new SampleNodeModel();
        NodeSettings s = NodeTestHarness.saveSettings(m);
        s.addString("column", "text");
        NodeTestHarness.loadSettings(m, s);
        BufferedDataTable in = TestTables.table(new String[]{"text"}, new DataType[]{
            org.knime.core.data.def.StringCell.TYPE}, new Object[]{"ab"});
        NodeTestHarness.run(m, model, in);
        assertNotSame(model, m.lastModelInput(), "Node#copyPortObject: non-table inputs are copied");
        assertEquals(model.getSummary(), m.lastModelInput().getSummary());
    }

    @Test
    void internalTablesAreTakenAfterExecuteWithInputsWrappedAndDisposedAtReset() throws Exception {
        BufferedDataTable in = table();
        RecordingNodeModel m = NodeTestHarness.createModel(new RecordingNodeFactory());
        PortObject[] out = NodeTestHarness.run(m, in, null);
        assertNotSame(in, out[0], "an output that is an input table is wrapped (NodeModel#executeModel)");
        BufferedDataTable[] held = NodeTestHarness.internalTables(m);
        assertNotSame(in, held[0], "an internal table that is an input is wrapped (Node#assignInternalHeldObjects)");
        assertEquals(TestTables.rows(in), TestTables.rows(held[0]));
        assertEquals(List.of("configure optional=null", "execute", "getInternalTables"), m.events());
        BufferedDataTable keptByModel = m.held()[1];
        NodeTestHarness.reset(m);
        IllegalStateException cleared = assertThrows(IllegalStateException.class, () -> TestTables.rows(keptByModel));
        assertEquals("Cannot iterate over table: buffer has been cleared.", cleared.getMessage());
        assertEquals(2, TestTables.rows(in).size(), "the input itself is not disposed");
        assertNull(NodeTestHarness.internalTables(m));
        assertFalse(NodeTestHarness.isExecuted(m));
    }

    @Test
    void anExecutedNodeIsResetBeforeItExecutesAgainOrGetsNewSettings() throws Exception {
        RecordingNodeModel m = executed();
        NodeTestHarness.execute(m, table(), null);
        NodeTestHarness.loadSettings(m, NodeTestHarness.saveSettings(m));
        assertEquals(List.of("configure optional=null", "execute", "getInternalTables", "reset", "execute",
            "getInternalTables", "validateSettings", "reset", "validateSettings", "loadValidatedSettingsFrom"),
            m.events());
    }

    @Test
    void aSavedWorkflowOpensIntoANewModelAsKnimeLoadsIt(@TempDir final Path dir) throws Exception {
        RecordingNodeModel m = executed();
        SavedNode saved = NodeTestHarness.save(m, dir.resolve("Node (#1)"));
        assertTrue(m.events().contains("saveInternals internal empty=true"), m.events()::toString);
        assertTrue(Files.isRegularFile(dir.resolve("Node (#1)/internal/rows.txt")));
        RecordingNodeModel loaded = saved.load(new RecordingNodeFactory());
        assertEquals(List.of("validateSettings", "validateSettings", "loadValidatedSettingsFrom",
            "loadInternals internal", "setInternalTables 2"), loaded.events(),
            "settings validated and loaded, internals, then the tables; no configure, no execute");
        assertEquals(2, loaded.rows());
        assertTrue(NodeTestHarness.isExecuted(loaded));
        BufferedDataTable[] tables = loaded.held();
        for (int i = 0; i < 2; i++) {
            assertNotSame(NodeTestHarness.internalTables(m)[i], tables[i], "loaded from disk: new tables");
            assertEquals(TestTables.rows(NodeTestHarness.internalTables(m)[i]), TestTables.rows(tables[i]));
        }
        assertEquals(TestTables.rows(table()), TestTables.rows((BufferedDataTable)NodeTestHarness.outputs(loaded)[0]));
    }

    @Test
    void aNodeSavedUnexecutedSavesInternalsButLoadsNone(@TempDir final Path dir) throws Exception {
        RecordingNodeModel m = NodeTestHarness.createModel(new RecordingNodeFactory());
        SavedNode saved = NodeTestHarness.save(m, dir);
        assertEquals(List.of("saveInternals internal empty=true"), m.events(),
            "FileNodePersistor#save calls saveInternals for every node it saves with data");
        RecordingNodeModel loaded = saved.load(new RecordingNodeFactory());
        assertEquals(List.of("validateSettings", "validateSettings", "loadValidatedSettingsFrom"), loaded.events());
        assertFalse(NodeTestHarness.isExecuted(loaded));
    }

    @Test
    void aStreamedComponentLoadsTheCopysResultIntoTheOriginalThroughItsInternals(@TempDir final Path dir)
        throws Exception {
        RecordingNodeModel original = NodeTestHarness.createModel(new RecordingNodeFactory());
        NodeTestHarness.configure(original, table().getDataTableSpec(), null);
        RecordingNodeModel copy = NodeTestHarness.createModel(new RecordingNodeFactory());
        NodeTestHarness.runStreamable(copy, table(), null);
        SavedNode result = NodeTestHarness.executionResult(copy, dir);
        result.loadInto(original);
        assertEquals(List.of("configure optional=null", "loadInternals knime_node_internDir", "setInternalTables 2"),
            original.events(), "never executed: its view state comes from the internals");
        assertEquals(2, original.rows());
        assertArrayEquals(NodeTestHarness.internalTables(copy), original.held(), "the same table objects");
    }

    @Test
    void aStreamedCopyWithAnOperatorOfItsOwnIsNotExecutedSoNoInternalsReachTheOriginal(@TempDir final Path dir)
        throws Exception {
        RecordingNodeModel copy = new RecordingNodeModel() {
            @Override
            public StreamableOperator createStreamableOperator(final PartitionInfo p,
                final org.knime.core.node.port.PortObjectSpec[] s) {
                return new StreamableOperator() {
                    @Override
                    public void runFinal(final PortInput[] in, final PortOutput[] out,
                        final org.knime.core.node.ExecutionContext e) throws Exception {
                        ((org.knime.core.node.streamable.RowOutput)out[0]).setFully(
                            ((org.knime.core.node.streamable.PortObjectInput)in[0]).getPortObject() instanceof
                                BufferedDataTable t ? t : null);
                    }
                };
            }
        };
        NodeTestHarness.runStreamable(copy, table(), null);
        assertFalse(NodeTestHarness.isExecuted(copy));
        SavedNode result = NodeTestHarness.executionResult(copy, dir);
        assertNull(result.internDirectory(), "Node#createNodeExecutionResult saves internals only if executed");
        RecordingNodeModel original = NodeTestHarness.createModel(new RecordingNodeFactory());
        result.loadInto(original);
        assertEquals(-1, original.rows());
        assertFalse(original.events().stream().anyMatch(e -> e.startsWith("loadInternals")), original.events()::toString);
    }

    @Test
    void reExecutingWithTheSameSettingsGivesTheSameOutput() throws Exception {
        RecordingNodeModel m = executed();
        DataTableSpec before = ((BufferedDataTable)NodeTestHarness.outputs(m)[0]).getDataTableSpec();
        NodeTestHarness.run(m, table(), null);
        assertEquals(before, ((BufferedDataTable)NodeTestHarness.outputs(m)[0]).getDataTableSpec());
    }
}
