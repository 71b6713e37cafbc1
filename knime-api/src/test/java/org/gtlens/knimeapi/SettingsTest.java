package org.gtlens.knimeapi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.knime.core.data.DataType;
import org.knime.core.data.RowKey;
import org.knime.core.data.collection.CollectionCellFactory;
import org.knime.core.data.collection.ListCell;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.ModelContent;
import org.knime.core.node.ModelContentRO;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelColumnName;
import org.knime.core.node.defaultnodesettings.SettingsModelDouble;
import org.knime.core.node.defaultnodesettings.SettingsModelDoubleBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/** Settings trees and settings models of the stand-in. */
class SettingsTest {

    @Test
    void nodeSettingsStoreTypedValuesArraysAndSubConfigs() throws Exception {
        NodeSettings s = new NodeSettings("root");
        s.addString("s", "text");
        s.addString("null", null);
        s.addInt("i", 7);
        s.addLong("l", 1L << 40);
        s.addDouble("d", 0.25);
        s.addBoolean("b", true);
        s.addStringArray("sa", "a", "b");
        s.addIntArray("ia", 1, 2, 3);
        s.addDoubleArray("da", 0.5);
        s.addByteArray("bytes", (byte)1, (byte)-2);
        s.addStringArray("nullArray", (String[])null);
        NodeSettingsWO sub = s.addNodeSettings("sub");
        sub.addInt("x", 42);
        s.addDataCell("cell", new DoubleCell(1.5));
        s.addDataType("type", ListCell.getCollectionType(IntCell.TYPE));
        s.addRowKey("key", new RowKey("Row3"));

        assertEquals("text", s.getString("s"));
        assertNull(s.getString("null"));
        assertEquals(7, s.getInt("i"));
        assertEquals(1L << 40, s.getLong("l"));
        assertEquals(0.25, s.getDouble("d"));
        assertTrue(s.getBoolean("b"));
        assertArrayEquals(new String[]{"a", "b"}, s.getStringArray("sa"));
        assertArrayEquals(new int[]{1, 2, 3}, s.getIntArray("ia"));
        assertArrayEquals(new double[]{0.5}, s.getDoubleArray("da"));
        assertArrayEquals(new byte[]{1, -2}, s.getByteArray("bytes"));
        assertNull(s.getStringArray("nullArray"));
        assertEquals(42, s.getNodeSettings("sub").getInt("x"));
        assertEquals(new DoubleCell(1.5), s.getDataCell("cell"));
        assertEquals(ListCell.getCollectionType(IntCell.TYPE), s.getDataType("type"));
        assertEquals(new RowKey("Row3"), s.getRowKey("key"));
        assertTrue(s.containsKey("sub") && s.containsKey("ia"), "arrays and sub-settings are sub-configs");
        assertEquals(List.of("s", "null", "i", "l", "d", "b", "sa", "ia", "da", "bytes", "nullArray", "sub", "cell",
            "type", "key"), List.copyOf(s.keySet()));

        assertEquals(5, s.getInt("missing", 5));
        assertEquals("def", s.getString("i", "def"), "wrong type gives the default");
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> s.getInt("missing"));
        assertTrue(e.getMessage().contains("missing"), e.getMessage());
        assertThrows(InvalidSettingsException.class, () -> s.getString("i"));
        assertThrows(InvalidSettingsException.class, () -> s.getNodeSettings("s"));

        NodeSettings copy = new NodeSettings("copy");
        s.copyTo(copy);
        assertEquals(s.keySet(), copy.keySet());
        assertEquals(42, copy.getNodeSettings("sub").getInt("x"));
        assertEquals(new DoubleCell(1.5), copy.getDataCell("cell"));

        ByteArrayOutputStream xml = new ByteArrayOutputStream();
        s.saveToXML(xml);
        assertTrue(xml.toString(StandardCharsets.UTF_8).contains("key=\"sub\""));
    }

    @Test
    void modelContentHoldsNestedContent() throws Exception {
        ModelContent m = new ModelContent("m");
        m.addModelContent("inner").addString("k", "v");
        ModelContent other = new ModelContent("o");
        other.addInt("n", 1);
        m.addModelContent(other);
        ModelContentRO inner = m.getModelContent("inner");
        assertEquals("v", inner.getString("k"));
        assertEquals(1, m.getModelContent("o").getInt("n"));
        assertThrows(InvalidSettingsException.class, () -> m.getModelContent("nope"));
    }

    @Test
    void settingsModelsRoundTripAndValidate() throws Exception {
        SettingsModelString str = new SettingsModelString("str", "a");
        SettingsModelIntegerBounded num = new SettingsModelIntegerBounded("num", 3, 1, 5);
        SettingsModelDouble dbl = new SettingsModelDoubleBounded("dbl", 0.5, 0, 1);
        SettingsModelBoolean bool = new SettingsModelBoolean("bool", false);
        SettingsModelColumnName col = new SettingsModelColumnName("col", "x");
        str.setStringValue("changed");
        num.setIntValue(4);
        bool.setBooleanValue(true);
        col.setSelection(null, true);

        NodeSettings s = new NodeSettings("s");
        for (var m : List.of(str, num, dbl, bool, col)) {
            m.saveSettingsTo(s);
        }
        // as in KNIME: each value plus <name>_Internals (model ID and enabled flag)
        assertEquals(Set.of("str", "num", "dbl", "bool", "col", "str_Internals", "num_Internals", "dbl_Internals",
            "bool_Internals", "col_Internals"), s.keySet());
        assertEquals("changed", s.getString("str"));
        assertEquals(4, s.getInt("num"));

        SettingsModelString str2 = new SettingsModelString("str", "a");
        SettingsModelIntegerBounded num2 = new SettingsModelIntegerBounded("num", 3, 1, 5);
        SettingsModelBoolean bool2 = new SettingsModelBoolean("bool", false);
        SettingsModelColumnName col2 = new SettingsModelColumnName("col", "x");
        for (var m : List.of(str2, num2, bool2, col2)) {
            m.validateSettings(s);
            m.loadSettingsFrom(s);
        }
        assertEquals("changed", str2.getStringValue());
        assertEquals(4, num2.getIntValue());
        assertTrue(bool2.getBooleanValue());
        assertTrue(col2.useRowID());
        assertNull(col2.getColumnName());

        SettingsModelString clone = str.createCloneWithValidatedValue(s);
        assertEquals("changed", clone.getStringValue());

        NodeSettings empty = new NodeSettings("empty");
        assertThrows(InvalidSettingsException.class, () -> str2.validateSettings(empty));
        assertThrows(InvalidSettingsException.class, () -> num2.loadSettingsFrom(empty));
        NodeSettings outOfBounds = new NodeSettings("bad");
        outOfBounds.addInt("num", 9);
        assertThrows(InvalidSettingsException.class, () -> num2.validateSettings(outOfBounds));
        assertThrows(IllegalArgumentException.class, () -> num2.setIntValue(0));
        assertEquals(4, num2.getIntValue(), "rejected values leave the model unchanged");
    }

    @Test
    void changeListenersAndEnabledState() {
        SettingsModelString m = new SettingsModelString("k", "a");
        int[] calls = {0};
        m.addChangeListener(e -> calls[0]++);
        m.setStringValue("a");
        assertEquals(0, calls[0], "no event for an unchanged value");
        m.setStringValue("b");
        m.setEnabled(false);
        assertEquals(2, calls[0]);
        assertFalse(m.isEnabled());
    }

    @Test
    void settingsInterfacesAreSatisfiedByNodeSettings() throws Exception {
        NodeSettings s = new NodeSettings("x");
        NodeSettingsWO wo = s;
        wo.addDataCellArray("cells", new StringCell("a"), DataType.getMissingCell(),
            CollectionCellFactory.createListCell(List.of(new IntCell(1))));
        NodeSettingsRO ro = s;
        assertEquals(3, ro.getDataCellArray("cells").length);
        assertTrue(ro.getDataCellArray("cells")[1].isMissing());
        assertEquals(ListCell.getCollectionType(IntCell.TYPE), ro.getDataCellArray("cells")[2].getType());
    }

    @Test
    void enabledFlagIsSavedAndRestoredLikeKnime() throws Exception {
        SettingsModelString saved = new SettingsModelString("cols", "a,b");
        saved.setEnabled(false);
        NodeSettings s = new NodeSettings("s");
        saved.saveSettingsTo(s);
        assertFalse(s.getConfig("cols_Internals").getBoolean("EnabledStatus"));
        assertEquals("SMID_string", s.getConfig("cols_Internals").getString("SettingsModelID"));

        // node model side: loading restores the flag; validating does not change it
        SettingsModelString model = new SettingsModelString("cols", "");
        model.validateSettings(s);
        assertTrue(model.isEnabled());
        model.loadSettingsFrom(s);
        assertFalse(model.isEnabled());
        assertEquals("a,b", model.getStringValue());

        // dialog side: a component's load restores it too, and its save writes it
        SettingsModelString dlg = new SettingsModelString("cols", "");
        var component = new org.knime.core.node.defaultnodesettings.DialogComponentString(dlg, "Columns");
        component.loadSettingsFrom(s, new org.knime.core.node.port.PortObjectSpec[0]);
        assertFalse(dlg.isEnabled());
        assertFalse(component.getComponentPanel().getComponent(1).isEnabled());
        dlg.setEnabled(true);
        NodeSettings out = new NodeSettings("o");
        component.saveSettingsTo(out);
        assertTrue(out.getConfig("cols_Internals").getBoolean("EnabledStatus"));

        // settings saved without the flag (an older workflow) leave it as it is
        NodeSettings old = new NodeSettings("old");
        old.addString("cols", "x");
        SettingsModelString kept = new SettingsModelString("cols", "");
        kept.setEnabled(false);
        kept.loadSettingsFrom(old);
        assertFalse(kept.isEnabled());
        assertEquals("x", kept.getStringValue());

        // a disabled setting's invalid value is no error (KNIME ignores it)
        NodeSettings disabledBad = new NodeSettings("d");
        SettingsModelIntegerBounded off = new SettingsModelIntegerBounded("n", 3, 1, 5);
        off.setEnabled(false);
        off.saveSettingsTo(disabledBad);
        disabledBad.addInt("n", 99);
        new SettingsModelIntegerBounded("n", 3, 1, 5).validateSettings(disabledBad);
    }
}
