package org.gtlens.knimeapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.gtlens.knimeapi.sample.RecordingNodeFactory;
import org.gtlens.knimeapi.sample.RecordingNodeFactory.RecordingDialog;
import org.gtlens.knimeapi.sample.SampleNodeFactory;
import org.gtlens.knimeapi.sample.SampleSpec;
import org.junit.jupiter.api.Test;
import org.knime.core.data.DataTableSpec;
import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeTestHarness;
import org.knime.core.node.NotConfigurableException;

/**
 * Dialogs opened as KNIME opens them (knime-core 5.5.3 Node#initDialogPaneWithSettings, NodeDialogPane): an empty
 * table spec for a required table port without spec, null for other ports, the load and onOpen on the event
 * dispatch thread.
 */
class DialogTest {

    @Test
    void anUnconnectedRequiredTablePortGivesTheDialogAnEmptySpecOtherPortsNull() throws Exception {
        RecordingDialog d = (RecordingDialog)NodeTestHarness.createDialog(new RecordingNodeFactory());
        NodeTestHarness.loadDialog(d, new NodeSettings("model"), null, null);
        assertEquals(new DataTableSpec(), d.specs()[0], "required table port: an empty DataTableSpec");
        assertNull(d.specs()[1], "optional table port: null");
        assertEquals(List.of("loadSettingsFrom @edt", "onOpen @edt"), d.events());
        assertEquals("saved", NodeTestHarness.saveDialog(d).getString("label"));
        assertEquals("saveSettingsTo @edt", d.events().get(2));
    }

    @Test
    void aNonTablePortWithoutSpecGivesNullAndASpecOfTheWrongClassCannotOpen() throws Exception {
        NodeDialogPane d = NodeTestHarness.createDialog(new SampleNodeFactory());
        NodeSettings s = new NodeSettings("model");
        DataTableSpec texts = new DataTableSpec(new String[]{"t"},
            new org.knime.core.data.DataType[]{org.knime.core.data.def.StringCell.TYPE});
        NodeTestHarness.loadDialog(d, s, null, texts);
        NotConfigurableException e = assertThrows(NotConfigurableException.class,
            () -> NodeTestHarness.loadDialog(d, s, texts, texts));
        assertEquals("Invalid incoming port object spec \"DataTableSpec\", expected \"SampleSpec\"", e.getMessage());
        NotConfigurableException empty = assertThrows(NotConfigurableException.class,
            () -> NodeTestHarness.loadDialog(d, s, new SampleSpec("m", 1, 1), null));
        assertEquals("No column in spec compatible to \"StringValue\".", empty.getMessage(),
            "the column selection of an unconnected table port sees an empty spec");
        assertThrows(IllegalStateException.class, () -> NodeTestHarness.loadDialog(newDialogNotFromTheHarness(), s,
            null, null), "a dialog not made by the harness has no port types");
    }

    @Test
    void theDefaultLoadOfADialogTakesTableSpecsOnlyAsKnimes() {
        PlainDialog d = new PlainDialog();
        NotConfigurableException wrong = assertThrows(NotConfigurableException.class, () -> d.load(
            new SampleSpec("m", 1, 1)));
        assertEquals("Input Port 0 does not hold data table specs. Likely reason: wrong version of loadSettingsFrom() "
            + "overwritten!", wrong.getMessage());
        NotConfigurableException missing = assertThrows(NotConfigurableException.class, () -> d.load(
            new DataTableSpec()));
        assertEquals("NodeDialogPane.loadSettingsFrom() implementation missing!", missing.getMessage());
    }

    private static NodeDialogPane newDialogNotFromTheHarness() {
        return new PlainDialog();
    }

    /** A dialog that overrides no loadSettingsFrom. */
    private static final class PlainDialog extends NodeDialogPane {
        void load(final org.knime.core.node.port.PortObjectSpec... specs) throws NotConfigurableException {
            loadSettingsFrom(new NodeSettings("s"), specs);
        }

        @Override
        protected void saveSettingsTo(final org.knime.core.node.NodeSettingsWO settings) {
            // nothing
        }
    }
}
