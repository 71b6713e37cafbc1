package org.gtlens.knimeapi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataTableSpecCreator;
import org.knime.core.data.DataType;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.IntValue;
import org.knime.core.data.RowKey;
import org.knime.core.data.StringValue;
import org.knime.core.data.collection.CollectionCellFactory;
import org.knime.core.data.collection.CollectionDataValue;
import org.knime.core.data.collection.ListCell;
import org.knime.core.data.collection.ListDataValue;
import org.knime.core.data.container.CloseableRowIterator;
import org.knime.core.data.container.ColumnRearranger;
import org.knime.core.data.container.SingleCellFactory;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.TestExecution;
import org.knime.core.node.TestTables;

/** Data types, cells, specs, containers, tables and column rearrangers of the stand-in. */
class TablesTest {

    private static final DataTableSpec SPEC = new DataTableSpecCreator()
        .addColumns(new DataColumnSpecCreator("text", StringCell.TYPE).createSpec(),
            new DataColumnSpecCreator("n", IntCell.TYPE).createSpec())
        .putProperty("origin", "test").createSpec();

    @Test
    void typesAndCells() {
        assertEquals(StringCell.TYPE, DataType.getType(StringCell.class));
        assertEquals(StringValue.class, StringCell.TYPE.getPreferredValueClass());
        assertTrue(IntCell.TYPE.isCompatible(DoubleValue.class));
        assertFalse(DoubleCell.TYPE.isCompatible(IntValue.class));
        assertTrue(DoubleCell.TYPE.isASuperTypeOf(IntCell.TYPE), "int cells fit into double columns");
        assertFalse(IntCell.TYPE.isASuperTypeOf(DoubleCell.TYPE));
        DataCell missing = DataType.getMissingCell();
        assertTrue(missing.isMissing());
        assertTrue(StringCell.TYPE.isASuperTypeOf(missing.getType()));
        assertEquals(missing, DataType.getMissingCell());
        assertEquals(new StringCell("a"), new StringCell("a"));
        assertFalse(new IntCell(1).equals(new DoubleCell(1)));
        assertEquals(3.0, new IntCell(3).getDoubleValue());

        ListCell list = CollectionCellFactory.createListCell(List.of(new IntCell(1), new DoubleCell(2.5),
            DataType.getMissingCell()));
        assertEquals(3, list.size());
        assertEquals(new DoubleCell(2.5), list.get(1));
        DataType listType = list.getType();
        assertTrue(listType.isCollectionType());
        assertTrue(listType.isCompatible(ListDataValue.class) && listType.isCompatible(CollectionDataValue.class));
        assertTrue(listType.getCollectionElementType().isCompatible(DoubleValue.class));
        assertTrue(ListCell.getCollectionType(DoubleCell.TYPE).isASuperTypeOf(listType));
        assertFalse(ListCell.getCollectionType(StringCell.TYPE).isASuperTypeOf(listType));
    }

    @Test
    void specsFindColumnsAndRejectDuplicates() {
        assertEquals(1, SPEC.findColumnIndex("n"));
        assertEquals(-1, SPEC.findColumnIndex("nope"));
        assertEquals(IntCell.TYPE, SPEC.getColumnSpec("n").getType());
        assertNull(SPEC.getColumnSpec("nope"));
        assertArrayEquals(new String[]{"text", "n"}, SPEC.getColumnNames());
        assertEquals("test", SPEC.getProperties().get("origin"));
        assertTrue(SPEC.containsCompatibleType(DoubleValue.class));
        assertEquals("n (#1)", DataTableSpec.getUniqueColumnName(SPEC, "n"));
        assertThrows(IllegalArgumentException.class,
            () -> new DataTableSpec(new String[]{"a", "a"}, new DataType[]{IntCell.TYPE, IntCell.TYPE}));
        DataTableSpec merged = DataTableSpec.mergeDataTableSpecs(SPEC,
            new DataTableSpec(new String[]{"extra"}, new DataType[]{DoubleCell.TYPE}));
        assertEquals(3, merged.getNumColumns());
        assertTrue(new DataTableSpec(SPEC, new DataTableSpec()).equalStructure(SPEC));
    }

    @Test
    void containersCheckRowsLikeKnime() {
        ExecutionContext exec = TestExecution.create().context();
        BufferedDataContainer c = exec.createDataContainer(SPEC);
        c.addRowToTable(new DefaultRow("r1", new StringCell("x"), new IntCell(1)));
        c.addRowToTable(new DefaultRow(new RowKey("r2"), new StringCell("y"), DataType.getMissingCell()));
        assertThrows(IllegalStateException.class, c::getTable, "open container");
        c.close();
        assertThrows(IllegalStateException.class,
            () -> c.addRowToTable(new DefaultRow("r5", new StringCell("z"), new IntCell(2))));
        BufferedDataTable t = c.getTable();
        assertEquals(2, t.size());
        assertEquals(SPEC, t.getDataTableSpec());
        List<String> keys = new ArrayList<>();
        try (CloseableRowIterator it = t.iterator()) {
            while (it.hasNext()) {
                keys.add(it.next().getKey().getString());
            }
        }
        assertEquals(List.of("r1", "r2"), keys);
        assertTrue(TestTables.rows(t).get(1).getCell(1).isMissing());
    }

    @Test
    void columnRearrangerAppendsReplacesAndMovesColumns() throws Exception {
        BufferedDataTable in = TestTables.table(new String[]{"text", "n"},
            new DataType[]{StringCell.TYPE, IntCell.TYPE}, new Object[]{"ab", 1}, new Object[]{"cde", 2},
            new Object[]{null, 3});
        ColumnRearranger r = new ColumnRearranger(in.getDataTableSpec());
        r.append(new SingleCellFactory(new DataColumnSpecCreator("len", IntCell.TYPE).createSpec()) {
            @Override
            public DataCell getCell(final DataRow row) {
                DataCell c = row.getCell(0);
                return c.isMissing() ? c : new IntCell(((StringValue)c).getStringValue().length());
            }
        });
        r.replace(new SingleCellFactory(new DataColumnSpecCreator("n2", DoubleCell.TYPE).createSpec()) {
            @Override
            public DataCell getCell(final DataRow row, final long rowIndex) {
                return new DoubleCell(rowIndex);
            }
        }, "n");
        r.move(2, 0);
        assertEquals(List.of("len", "text", "n2"), List.of(r.createSpec().getColumnNames()));

        TestExecution ex = TestExecution.create();
        BufferedDataTable out =
            ex.context().createColumnRearrangeTable(in, r, ex.context().createSubProgress(0.5));
        assertEquals(r.createSpec(), out.getDataTableSpec());
        assertEquals(List.of(new IntCell(2), new IntCell(3), DataType.getMissingCell()),
            TestTables.column(out, "len"));
        assertEquals(List.of(new DoubleCell(0), new DoubleCell(1), new DoubleCell(2)), TestTables.column(out, "n2"));
        assertEquals(0.5, ex.progress(), 1e-9, "the factories' progress went through the 0.5 sub-progress");

        ColumnRearranger keep = new ColumnRearranger(in.getDataTableSpec());
        keep.keepOnly("n");
        assertEquals(1, TestTables.rearrange(in, keep).getDataTableSpec().getNumColumns());
        ColumnRearranger rm = new ColumnRearranger(in.getDataTableSpec());
        rm.remove(0);
        assertEquals(List.of("n"), List.of(rm.createSpec().getColumnNames()));
    }

    @Test
    void cellFactoryWithoutGetCellsFailsClearly() {
        SingleCellFactory none = new SingleCellFactory(new DataColumnSpecCreator("x", IntCell.TYPE).createSpec()) {
        };
        DataRow row = new DefaultRow("r", new IntCell(1));
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, () -> none.getCells(row));
        assertTrue(e.getMessage().contains("getCell"), e.getMessage());
    }

    @Test
    void executionContextCreatesTables() throws Exception {
        ExecutionContext exec = TestExecution.create().context();
        BufferedDataTable a = TestTables.table(SPEC, new DefaultRow("a", new StringCell("x"), new IntCell(1)));
        BufferedDataTable b = TestTables.table(SPEC, new DefaultRow("b", new StringCell("y"), new IntCell(2)));
        assertEquals(2, exec.createConcatenateTable(exec, a, b).size());
        assertEquals(0, exec.createVoidTable(SPEC).size());
        DataTableSpec renamed = new DataTableSpec(new String[]{"t", "m"}, new DataType[]{StringCell.TYPE,
            IntCell.TYPE});
        assertEquals(renamed, exec.createSpecReplacerTable(a, renamed).getDataTableSpec());
        BufferedDataTable right = TestTables.table(new DataTableSpec(new String[]{"z"},
            new DataType[]{DoubleCell.TYPE}), new DefaultRow("a", new DoubleCell(9)));
        assertEquals(3, exec.createJoinedTable(a, right, exec).getDataTableSpec().getNumColumns());
        assertEquals(1, BufferedDataTable.TYPE.getPortObjectClass() == BufferedDataTable.class ? 1 : 0);
        assertEquals(DataTableSpec.class, BufferedDataTable.TYPE.getPortObjectSpecClass());
    }

    @Test
    void containerErrorsSurfaceOnALaterAddOrAtCloseLikeKnime() {
        ExecutionContext exec = TestExecution.create().context();
        // a bad row is accepted when added (KNIME's writer checks batches asynchronously) ...
        BufferedDataContainer c = exec.createDataContainer(SPEC);
        c.addRowToTable(new DefaultRow("r1", new StringCell("z"))); // one cell short
        // ... and named at close
        var e = assertThrows(org.knime.core.data.container.DataContainerException.class, c::close);
        assertTrue(e.getMessage().contains("r1"), e.getMessage());
        // or on an add after its batch was written
        BufferedDataContainer later = exec.createDataContainer(SPEC);
        later.addRowToTable(new DefaultRow("bad", new StringCell("z"), new DoubleCell(1))); // wrong type
        for (int i = 1; i < 100; i++) {
            later.addRowToTable(new DefaultRow("r" + i, new StringCell("z"), new IntCell(i)));
        }
        e = assertThrows(org.knime.core.data.container.DataContainerException.class,
            () -> later.addRowToTable(new DefaultRow("next", new StringCell("z"), new IntCell(0))));
        assertTrue(e.getMessage().contains("bad"), e.getMessage());
        // a row ID added twice is a DuplicateKeyException at close
        BufferedDataContainer dup = exec.createDataContainer(SPEC);
        dup.addRowToTable(new DefaultRow("r1", new StringCell("x"), new IntCell(1)));
        dup.addRowToTable(new DefaultRow("r1", new StringCell("y"), new IntCell(2)));
        var d = assertThrows(org.knime.core.util.DuplicateKeyException.class, dup::close);
        assertEquals("r1", d.getKey());
        // the test hook: a container whose writing failed fails at close
        BufferedDataContainer full = TestExecution.create().failContainersAtClose("No space left on device")
            .context().createDataContainer(SPEC);
        full.addRowToTable(new DefaultRow("r1", new StringCell("x"), new IntCell(1)));
        assertEquals("No space left on device",
            assertThrows(org.knime.core.data.container.DataContainerException.class, full::close).getMessage());
    }
}
