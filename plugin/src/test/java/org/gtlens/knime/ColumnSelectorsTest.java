package org.gtlens.knime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;

import org.gtlens.knime.extract.ExtractRepresentationsNodeFactory;
import org.junit.jupiter.api.Test;
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
}
