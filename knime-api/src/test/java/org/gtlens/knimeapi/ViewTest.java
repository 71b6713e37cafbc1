package org.gtlens.knimeapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import javax.swing.JLabel;

import org.gtlens.knimeapi.sample.RecordingNodeFactory;
import org.gtlens.knimeapi.sample.RecordingNodeFactory.RecordingView;
import org.gtlens.knimeapi.sample.RecordingNodeModel;
import org.junit.jupiter.api.Test;
import org.knime.core.data.DataType;
import org.knime.core.data.def.IntCell;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.NodeTestHarness;
import org.knime.core.node.NodeView;
import org.knime.core.node.TestTables;

/**
 * Views as KNIME's NodeView drives them (knime-core 5.5.3 NodeView, AbstractNodeView, NodeModel#stateChanged): on
 * the event dispatch thread, onOpen and then one modelChanged, one modelChanged per execute and reset, none for
 * configure, the "no data" label while the model is not executed, registered with the model only while open.
 */
class ViewTest {

    private static BufferedDataTable table() {
        return TestTables.table(new String[]{"x"}, new DataType[]{IntCell.TYPE}, new Object[]{1}, new Object[]{2});
    }

    private static List<String> viewEvents(final RecordingNodeModel m) {
        return m.events().stream().filter(e -> e.startsWith("on") || e.startsWith("modelChanged")).toList();
    }

    @Test
    void openingRunsOnOpenThenOneModelChangedOnTheEventDispatchThread() throws Exception {
        assertTrue(java.awt.GraphicsEnvironment.isHeadless(), "views and their EDT work run headless here");
        RecordingNodeModel m = NodeTestHarness.createModel(new RecordingNodeFactory());
        RecordingView v = (RecordingView)NodeTestHarness.createView(new RecordingNodeFactory(), 0, m);
        assertEquals("", v.getViewTitle());
        NodeTestHarness.openView(v);
        assertEquals(List.of("onOpen open=false @edt", "modelChanged rows=-1 open=false @edt"), viewEvents(m),
            "not yet open (the frame is shown after both)");
        assertTrue(NodeTestHarness.isOpen(v));
        assertEquals("RecordingView", v.getViewTitle());
        assertSame(v.label(), NodeTestHarness.viewComponent(v));
        JLabel shown = (JLabel)NodeTestHarness.displayedComponent(v);
        assertEquals("<html><center>No data to display</center></html>", shown.getText(), "not executed");
    }

    @Test
    void executeAndResetEachCallModelChangedOnceConfigureNever() throws Exception {
        RecordingNodeModel m = NodeTestHarness.createModel(new RecordingNodeFactory());
        RecordingView v = (RecordingView)NodeTestHarness.createView(new RecordingNodeFactory(), 0, m);
        NodeTestHarness.openView(v);
        NodeTestHarness.configure(m, table().getDataTableSpec(), null);
        NodeTestHarness.execute(m, table(), null);
        assertSame(v.label(), NodeTestHarness.displayedComponent(v), "executed: the view's component is shown");
        assertEquals("rows=2", v.label().getText());
        NodeTestHarness.reset(m);
        assertEquals(List.of("onOpen open=false @edt", "modelChanged rows=-1 open=false @edt",
            "modelChanged rows=2 open=true @edt", "modelChanged rows=-1 open=true @edt"), viewEvents(m));
        assertFalse(NodeTestHarness.displayedComponent(v) == v.label(), "reset: the no-data label again");
        NodeTestHarness.notifyViews(m);
        assertEquals(5, viewEvents(m).size(), "stateChanged: once more");
    }

    @Test
    void aViewHearsFromItsModelOnlyWhileOpen() throws Exception {
        RecordingNodeModel m = NodeTestHarness.createModel(new RecordingNodeFactory());
        RecordingView v = (RecordingView)NodeTestHarness.createView(new RecordingNodeFactory(), 0, m);
        NodeTestHarness.execute(m, table(), null);
        assertEquals(List.of(), viewEvents(m), "created but not opened: not registered");
        NodeTestHarness.openView(v);
        NodeTestHarness.closeView(v);
        assertEquals(List.of("onOpen open=false @edt", "modelChanged rows=2 open=false @edt", "onClose @edt"),
            viewEvents(m));
        assertFalse(NodeTestHarness.isOpen(v));
        assertNull(NodeTestHarness.viewComponent(v), "closing forgets the component");
        NodeTestHarness.reset(m);
        assertEquals(3, viewEvents(m).size(), "closed: no more modelChanged");
    }

    @Test
    void aViewWithoutComponentAndWithoutNoDataLabelGetsNoModelChanged() throws Exception {
        RecordingNodeModel m = NodeTestHarness.createModel(new RecordingNodeFactory());
        NodeView<RecordingNodeModel> bare = new NodeView<>(m) {
            {
                setShowNODATALabel(false);
                setComponent(null);
            }

            @Override
            protected void modelChanged() {
                throw new AssertionError("modelChanged without a component");
            }

            @Override
            protected void onOpen() {
                // nothing
            }

            @Override
            protected void onClose() {
                // nothing
            }
        };
        NodeTestHarness.openView(bare);
        assertTrue(NodeTestHarness.isOpen(bare));
    }

    @Test
    void aViewThrowingInModelChangedFailsTheTestThoughKnimeOnlyLogsIt() throws Exception {
        RecordingNodeModel m = NodeTestHarness.createModel(new RecordingNodeFactory());
        NodeView<RecordingNodeModel> broken = new NodeView<>(m) {
            @Override
            protected void modelChanged() {
                throw new IllegalStateException("broken view");
            }

            @Override
            protected void onOpen() {
                // nothing
            }

            @Override
            protected void onClose() {
                // nothing
            }
        };
        AssertionError e = assertThrows(AssertionError.class, () -> NodeTestHarness.openView(broken));
        assertEquals("broken view", e.getCause().getMessage());
    }

    @Test
    void updateModelDoesNothingByDefault() throws Exception {
        RecordingNodeModel m = NodeTestHarness.createModel(new RecordingNodeFactory());
        RecordingView v = (RecordingView)NodeTestHarness.createView(new RecordingNodeFactory(), 0, m);
        NodeTestHarness.openView(v);
        m.notifyViewsOf("x");
        assertEquals(2, viewEvents(m).size(), "AbstractNodeView#updateModel is empty: no modelChanged");
    }
}
