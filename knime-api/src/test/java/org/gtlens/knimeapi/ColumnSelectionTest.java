package org.gtlens.knimeapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.IntValue;
import org.knime.core.data.StringValue;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.defaultnodesettings.DialogComponentColumnNameSelection;
import org.knime.core.node.defaultnodesettings.SettingsModelColumnName;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.util.DataValueColumnFilter;

/**
 * DialogComponentColumnNameSelection as KNIME's (knime-core 5.5.3 DialogComponentColumnNameSelection with
 * ColumnSelectionPanel): a stored column that is not offered becomes "&lt;none&gt;" or the last compatible column,
 * written into the model while the dialog loads, each combo box selection on the way included.
 */
class ColumnSelectionTest {

    /** Columns a (string), b (int), c (string). */
    private static final DataTableSpec SPEC = new DataTableSpec(new String[]{"a", "b", "c"},
        new DataType[]{StringCell.TYPE, IntCell.TYPE, StringCell.TYPE});

    private static NodeSettings stored(final String column) {
        NodeSettings s = new NodeSettings("model");
        s.addString("col", column);
        return s;
    }

    /** Records every value the model's change listeners see. */
    private static List<String> record(final SettingsModelString model) {
        List<String> seen = new ArrayList<>();
        model.addChangeListener(e -> seen.add(model.getStringValue()));
        return seen;
    }

    /** A required selection of string columns of port 0. */
    private static DialogComponentColumnNameSelection strings(final SettingsModelString model) {
        return new DialogComponentColumnNameSelection(model, "Column", 0, StringValue.class);
    }

    private static void load(final DialogComponentColumnNameSelection c, final NodeSettings s) throws Exception {
        c.loadSettingsFrom(s, new PortObjectSpec[]{SPEC});
    }

    private static String saved(final DialogComponentColumnNameSelection c) throws Exception {
        NodeSettings s = new NodeSettings("model");
        c.saveSettingsTo(s);
        return s.getString("col");
    }

    @Test
    void aStoredColumnNotOfferedBecomesTheLastCompatibleOneWhileTheDialogLoads() throws Exception {
        SettingsModelString model = new SettingsModelString("col", "a");
        DialogComponentColumnNameSelection c = strings(model);
        List<String> seen = record(model);
        load(c, stored("gone"));
        assertEquals("c", model.getStringValue(), "written during load, before OK");
        assertEquals(List.of("gone", "a", "c"), seen, "the stored value, the first entry added, the last entry");
        assertEquals("c", c.getSelected());
        assertEquals("c", saved(c));
    }

    @Test
    void aStoredColumnThatIsOfferedStays() throws Exception {
        SettingsModelString model = new SettingsModelString("col", "a");
        DialogComponentColumnNameSelection c = strings(model);
        load(c, stored("gone"));
        List<String> seen = record(model);
        load(c, stored("a"));
        assertEquals(List.of("a"), seen);
        assertEquals("a", saved(c));
    }

    @Test
    void withNoneOfferedTheModelIsNoneAtOnceAndPassesThroughNoneWhileLoading() throws Exception {
        SettingsModelString model = new SettingsModelString("col", "x");
        DialogComponentColumnNameSelection c = new DialogComponentColumnNameSelection(model, "Column", 0, false,
            true, StringValue.class);
        assertNull(model.getStringValue(), "built without specs, not required: <none> is selected and written");
        List<String> seen = record(model);
        load(c, stored("c"));
        assertEquals(java.util.Arrays.asList("c", null, "c"), seen);
        load(c, stored("gone"));
        assertNull(model.getStringValue(), "not offered: <none>");
        assertNull(saved(c));
    }

    @Test
    void aRequiredSelectionCannotOpenWithoutACompatibleColumnAnOptionalOneSavesNothing() throws Exception {
        DialogComponentColumnNameSelection required = new DialogComponentColumnNameSelection(
            new SettingsModelString("col", "a"), "Column", 0, DoubleValue.class, IntValue.class);
        NotConfigurableException empty = assertThrows(NotConfigurableException.class,
            () -> required.loadSettingsFrom(stored("a"), new PortObjectSpec[]{new DataTableSpec()}));
        assertEquals("No column in spec compatible to \"DoubleValue\" or \"IntValue\".", empty.getMessage(),
            "what KNIME shows for an unconnected input, which it gives the dialog as an empty spec");
        NotConfigurableException none = assertThrows(NotConfigurableException.class,
            () -> required.loadSettingsFrom(stored("a"), new PortObjectSpec[]{null}));
        assertEquals("Need input table spec to configure dialog. Configure or execute predecessor nodes.",
            none.getMessage());
        assertThrows(NotConfigurableException.class,
            () -> required.loadSettingsFrom(stored("a"), new PortObjectSpec[0]));

        SettingsModelString model = new SettingsModelString("col", "a");
        DialogComponentColumnNameSelection optional = new DialogComponentColumnNameSelection(model, "Column", 0,
            false, DoubleValue.class);
        optional.loadSettingsFrom(stored("a"), new PortObjectSpec[]{null});
        assertEquals("a", model.getStringValue(), "loaded; nothing to select");
        assertNull(optional.getSelected());
        assertNull(saved(optional), "OK writes the (empty) selection: no error, null saved");
    }

    @Test
    void theRowIdOfAColumnNameModelIsOfferedAndRoundTrips() throws Exception {
        SettingsModelColumnName model = new SettingsModelColumnName("col", "a");
        DialogComponentColumnNameSelection c = strings(model);
        NodeSettings rowId = new NodeSettings("model");
        model.setSelection("a", true);
        assertEquals("a", model.getColumnName(), "the name is kept when the row ID is chosen");
        model.saveSettingsTo(rowId);
        NodeSettings sub = rowId.getNodeSettings("col");
        assertTrue(sub.getBoolean("useRowID"));
        assertEquals("a", sub.getString("columnName"));
        assertEquals("columnName", model.getKey());
        load(c, rowId);
        assertFalse(model.useRowID(), "a stored name that is offered wins over the stored row ID (KNIME too)");
        assertEquals("a", c.getSelected());
        NodeSettings fromDialog = new NodeSettings("model");
        model.setSelection(null, true);
        c.saveSettingsTo(fromDialog);
        assertTrue(fromDialog.getNodeSettings("col").getBoolean("useRowID"));
        assertNull(fromDialog.getNodeSettings("col").getString("columnName"));
        load(c, fromDialog);
        assertTrue(model.useRowID());
        assertNull(c.getSelected(), "<RowID> is selected");
    }

    @Test
    void aNewFilterIsAppliedToTheLastSpec() throws Exception {
        SettingsModelString model = new SettingsModelString("col", "c");
        DialogComponentColumnNameSelection c = strings(model);
        load(c, stored("c"));
        c.setColumnFilter(new DataValueColumnFilter(IntValue.class));
        assertEquals("b", model.getStringValue(), "c is no longer offered: the last compatible one, b");
        assertThrows(NotConfigurableException.class, () -> c.setColumnFilter(
            new DataValueColumnFilter(org.knime.core.data.BooleanValue.class)), "required: nothing offered fails");
    }

    @Test
    void uniqueColumnNamesAreTrimmedAndNumbered() {
        DataTableSpec spec = new DataTableSpec(new String[]{"<none>", "<none> (#1)"},
            new DataType[]{StringCell.TYPE, StringCell.TYPE});
        assertEquals("<none> (#2)", DataTableSpec.getUniqueColumnName(spec, " <none> "));
        assertEquals("x", DataTableSpec.getUniqueColumnName(spec, " x"));
        assertThrows(NullPointerException.class, () -> DataTableSpec.getUniqueColumnName(null, "x"));
    }
}
