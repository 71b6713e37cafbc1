package org.gtlens.knime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.gtlens.knime.extract.ExtractRepresentationsNodeFactory;
import org.gtlens.knime.port.GTransformerPortObject;
import org.gtlens.knime.port.GTransformerPortObjectSpec;
import org.gtlens.runtime.GTransformer;
import org.gtlens.model.Kind;
import org.gtlens.model.ModelInfo;
import org.gtlens.repr.BatchResult;
import org.gtlens.repr.Extractor;
import org.gtlens.repr.Matrix;
import org.gtlens.repr.Sequence;
import org.junit.jupiter.api.Test;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.IntValue;
import org.knime.core.data.RowKey;
import org.knime.core.data.StringValue;
import org.knime.core.data.collection.CollectionCellFactory;
import org.knime.core.data.collection.ListCell;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeTestHarness;
import org.knime.core.node.StreamingResult;
import org.knime.core.node.TestExecution;
import org.knime.core.node.TestTables;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.streamable.PartitionInfo;
import org.knime.core.node.streamable.PortInput;
import org.knime.core.node.streamable.PortObjectInput;
import org.knime.core.node.streamable.PortOutput;
import org.knime.core.node.streamable.RowInput;
import org.knime.core.node.streamable.RowOutput;
import org.knime.core.node.streamable.StreamableOperator;
import org.knime.core.node.streamable.TestRowInput;
import org.knime.core.node.streamable.TestRowOutput;

class ExtractRepresentationsNodeTest {

    static final String[] LONG_COLUMNS =
        {"Row ID of source", "Block", "Head", "Kind", "Row", "Column", "Row label", "Column label", "Value"};

    /** A model with settings changed by {@code change} (applied to the saved defaults). */
    static NodeModel model(final Consumer<NodeSettings> change) throws InvalidSettingsException {
        NodeModel m = NodeTestHarness.createModel(new ExtractRepresentationsNodeFactory());
        NodeSettings s = NodeTestHarness.saveSettings(m);
        change.accept(s);
        NodeTestHarness.loadSettings(m, s);
        return m;
    }

    static BufferedDataTable sequences(final String... texts) {
        Object[][] rows = new Object[texts.length][];
        for (int i = 0; i < texts.length; i++) {
            rows[i] = new Object[]{texts[i], i % 2 == 0 ? "even" : "odd"};
        }
        return TestTables.table(new String[]{"sequence", "class"}, new DataType[]{StringCell.TYPE, StringCell.TYPE},
            rows);
    }

    static List<DataRow> rows(final PortObject table) {
        return TestTables.rows((BufferedDataTable)table);
    }

    // ---------------------------------------------------------------------------------------------- configure

    @Test
    void configureGivesBothSpecs() throws Exception {
        NodeModel m = model(s -> { });
        GTransformerPortObject port = TestSupport.defaultPort();
        BufferedDataTable in = sequences("1,2,3");
        PortObjectSpec[] out = NodeTestHarness.configure(m, port.getSpec(), in.getDataTableSpec());
        DataTableSpec pred = (DataTableSpec)out[0];
        assertEquals(List.of("sequence", "class", "Predicted next token", "Predicted next token label",
            "Prediction probability", "Predicted next tokens (per position)", "Prediction probabilities (per position)",
            "Predicted next token labels (per position)"),
            List.of(pred.getColumnNames()));
        assertEquals(List.of(LONG_COLUMNS), List.of(((DataTableSpec)out[1]).getColumnNames()));
        NodeModel matrix = model(s -> s.addString("layout", "matrix"));
        DataTableSpec ms = (DataTableSpec)NodeTestHarness.configure(matrix, port.getSpec(), in.getDataTableSpec())[1];
        // attention of the built-in model: t=5 columns
        assertEquals(List.of("Row ID of source", "Block", "Head", "Kind", "Row", "Row label", "c0", "c1", "c2", "c3",
            "c4"), List.of(ms.getColumnNames()));
        NodeModel wide = model(s -> {
            s.addString("layout", "matrix");
            s.addBoolean("kind_logprobs", true);
        });
        DataTableSpec ws = (DataTableSpec)NodeTestHarness.configure(wide, TestSupport.secondPort().getSpec(),
            in.getDataTableSpec())[1];
        assertEquals(6 + 12, ws.getNumColumns());
    }

    @Test
    void configureNamesTheMissingOrWrongColumn() throws Exception {
        GTransformerPortObject port = TestSupport.defaultPort();
        DataTableSpec in = sequences("1").getDataTableSpec();
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
            () -> NodeTestHarness.configure(model(s -> s.addString("sequence_column", "tokens")), port.getSpec(), in));
        assertEquals("The sequence column 'tokens' does not exist in the input table; choose another one in the "
            + "dialog.", e.getMessage());
        DataTableSpec doubles = new DataTableSpec(new String[]{"x"}, new DataType[]{DoubleCell.TYPE});
        e = assertThrows(InvalidSettingsException.class,
            () -> NodeTestHarness.configure(model(s -> s.addString("sequence_column", "x")), port.getSpec(), doubles));
        assertTrue(e.getMessage().startsWith("The sequence column 'x' holds "), e.getMessage());
        e = assertThrows(InvalidSettingsException.class,
            () -> NodeTestHarness.configure(model(s -> { }), port.getSpec(), doubles));
        assertTrue(e.getMessage().contains("no text or list column"), e.getMessage());
        e = assertThrows(InvalidSettingsException.class, () -> NodeTestHarness.configure(model(s -> {
            s.addString("sequence_mode", "Integer columns (one per position)");
            s.addString("token_columns", "p0, p9");
        }), port.getSpec(), new DataTableSpec(new String[]{"p0"}, new DataType[]{IntCell.TYPE})));
        assertEquals("The token column 'p9' does not exist in the input table.", e.getMessage());
        e = assertThrows(InvalidSettingsException.class,
            () -> NodeTestHarness.configure(model(s -> { }), new GTransformerPortObjectSpec(), in));
        assertTrue(e.getMessage().contains("Load GTransformer"), e.getMessage());
        e = assertThrows(InvalidSettingsException.class,
            () -> NodeTestHarness.validateSettings(model(s -> { }), settingsWith(s -> s.addString("layout", "wide"))));
        assertTrue(e.getMessage().contains("Unknown layout 'wide'"), e.getMessage());
    }

    static NodeSettings settingsWith(final Consumer<NodeSettings> change) throws InvalidSettingsException {
        NodeSettings s = NodeTestHarness.saveSettings(model(x -> { }));
        change.accept(s);
        return s;
    }

    @Test
    void settingsRoundTrip() throws Exception {
        NodeModel m = model(s -> {
            s.addString("sequence_column", "seq");
            s.addString("layout", "matrix");
            s.addInt("batch_size", 7);
            s.addBoolean("kind_keys", true);
            s.addString("on_bad_row", "Skip the row with a warning");
        });
        NodeSettings saved = NodeTestHarness.saveSettings(m);
        NodeModel other = model(s -> { });
        NodeTestHarness.loadSettings(other, saved);
        NodeSettings again = NodeTestHarness.saveSettings(other);
        assertEquals("seq", again.getString("sequence_column"));
        assertEquals("matrix", again.getString("layout"));
        assertEquals(7, again.getInt("batch_size"));
        assertTrue(again.getBoolean("kind_keys"));
        assertTrue(again.getBoolean("kind_attention"));
        assertEquals("skip", again.getString("on_bad_row")); // the stable key, not the dialog's label
        assertThrows(InvalidSettingsException.class,
            () -> NodeTestHarness.validateSettings(other, settingsWith(s -> s.addInt("batch_size", 0))));
    }

    // ---------------------------------------------------------------------------------------------- values

    /** Long-layout rows must equal the core's own batch values, label for label. */
    static void assertLongEqualsCore(final GTransformerPortObject port, final List<Sequence> seqs,
        final Set<Kind> kinds, final List<DataRow> rows) throws Exception {
        assertLongEqualsCore(port, seqs, kinds, rows, false);
    }

    /** The same, with or without the cells the causal mask makes 0 (a new node leaves them out). */
    static void assertLongEqualsCore(final GTransformerPortObject port, final List<Sequence> seqs,
        final Set<Kind> kinds, final List<DataRow> rows, final boolean keepMasked) throws Exception {
        try (GTransformer g = port.openModel(1)) {
            ModelInfo info = g.info();
            int i = 0;
            for (Sequence seq : seqs) {
                BatchResult b = new Extractor(g, kinds, 8).extract(seq);
                for (int block = 0; block < info.depth(); block++) {
                    for (Kind kind : Kind.values()) {
                        if (!kinds.contains(kind)) {
                            continue;
                        }
                        for (int head = 0; head < (kind.perHead() ? info.heads() : 1); head++) {
                            Matrix mx = b.matrix(0, kind, block, head);
                            for (int r = 0; r < mx.rows(); r++) {
                                for (int c = 0; c < mx.cols(); c++) {
                                    if (!keepMasked && kind == Kind.ATTENTION && c > r) {
                                        continue;
                                    }
                                    DataRow row = rows.get(i++);
                                    assertEquals(seq.id(), str(row, 0));
                                    assertEquals(block, ((IntValue)row.getCell(1)).getIntValue());
                                    if (kind.perHead()) {
                                        assertEquals(head, ((IntValue)row.getCell(2)).getIntValue());
                                    } else {
                                        assertTrue(row.getCell(2).isMissing());
                                    }
                                    assertEquals(kind.contractName(), str(row, 3));
                                    assertEquals(r, ((IntValue)row.getCell(4)).getIntValue());
                                    assertEquals(c, ((IntValue)row.getCell(5)).getIntValue());
                                    assertEquals(kind.rowAxis().label(info, seq.tokens(), r), str(row, 6));
                                    assertEquals(kind.colAxis().label(info, seq.tokens(), c), str(row, 7));
                                    assertEquals(mx.get(r, c), ((DoubleValue)row.getCell(8)).getDoubleValue(), 0.0);
                                }
                            }
                        }
                    }
                }
            }
            assertEquals(i, rows.size());
        }
    }

    static String str(final DataRow row, final int i) {
        return ((StringValue)row.getCell(i)).getStringValue();
    }

    @Test
    void defaultModelLongLayoutEqualsCore() throws Exception {
        GTransformerPortObject port = TestSupport.defaultPort();
        NodeModel m = model(s -> s.addBoolean("kind_out", true));
        BufferedDataTable in = sequences("1,2,3", "4 5 6 7 8", "[9, 0]", "3,3,3");
        TestExecution ex = TestExecution.create();
        PortObject[] out = NodeTestHarness.run(m, ex.context(), port, in);
        List<Sequence> seqs = List.of(new Sequence("Row0", new int[]{1, 2, 3}),
            new Sequence("Row1", new int[]{4, 5, 6, 7, 8}), new Sequence("Row2", new int[]{9, 0}),
            new Sequence("Row3", new int[]{3, 3, 3}));
        assertLongEqualsCore(port, seqs, EnumSet.of(Kind.ATTENTION, Kind.OUT), rows(out[1]));
        List<DataRow> pred = rows(out[0]);
        assertEquals(4, pred.size());
        try (GTransformer g = port.openModel(1)) {
            Extractor x = new Extractor(g, Set.of(), 4);
            for (int i = 0; i < 4; i++) {
                var p = x.extract(seqs.get(i)).prediction(0);
                DataRow r = pred.get(i);
                assertEquals("Row" + i, r.getKey().getString());
                assertEquals(p.last(), ((IntValue)r.getCell(2)).getIntValue());
                assertEquals(g.info().tokenLabel(p.last()), str(r, 3));
                assertEquals(p.lastProbability(), ((DoubleValue)r.getCell(4)).getDoubleValue(), 1e-7);
                assertEquals(p.nextTokens().length, str(r, 5).split(" ").length);
            }
        }
        assertNull(NodeTestHarness.warningMessage(m));
        assertEquals(1.0, ex.progress(), 1e-9);
        assertTrue(ex.messages().stream().anyMatch(s -> s.equals("4 of 4 sequences")), ex.messages().toString());
    }

    @Test
    void secondModelAllKindsMatrixLayout() throws Exception {
        GTransformerPortObject port = TestSupport.secondPort();
        NodeModel m = model(s -> {
            for (Kind k : Kind.contract()) {
                s.addBoolean("kind_" + k.contractName(), true);
            }
            s.addString("layout", "matrix");
            s.addInt("batch_size", 2);
        });
        BufferedDataTable in = sequences("1,2,3,4,5,6,7", "11 0 3", "5,5,5");
        PortObject[] out = NodeTestHarness.run(m, port, in);
        List<DataRow> rows = rows(out[1]);
        ModelInfo info = port.getSpec().getInfo();
        int width = 12; // logprobs: num_tokens columns are the widest
        assertEquals(6 + width, rows.get(0).getNumCells());
        int expected = 0;
        for (int len : new int[]{7, 3, 3}) {
            expected += info.depth() * (info.heads() * 4 * len + 2 * len);
        }
        assertEquals(expected, rows.size());
        // check one logprobs row and one keys row against the core
        try (GTransformer g = port.openModel(1)) {
            BatchResult b = new Extractor(g, EnumSet.copyOf(Kind.contract()), 4).extract(new Sequence("Row1",
                new int[]{11, 0, 3}));
            int checked = 0;
            for (DataRow r : rows) {
                if (!str(r, 0).equals("Row1")) {
                    continue;
                }
                Kind kind = Kind.fromContractName(str(r, 3));
                int block = ((IntValue)r.getCell(1)).getIntValue();
                int head = r.getCell(2).isMissing() ? -1 : ((IntValue)r.getCell(2)).getIntValue();
                int row = ((IntValue)r.getCell(4)).getIntValue();
                Matrix mx = b.matrix(0, kind, block, Math.max(head, 0));
                for (int c = 0; c < width; c++) {
                    DataCell cell = r.getCell(6 + c);
                    if (c < mx.cols() && !(kind == Kind.ATTENTION && c > row)) {
                        assertEquals(mx.get(row, c), ((DoubleValue)cell).getDoubleValue(), 0.0);
                    } else {
                        assertTrue(cell.isMissing());
                    }
                }
                assertEquals(kind.rowAxis().label(info, new int[]{11, 0, 3}, row), str(r, 5));
                checked++;
            }
            assertEquals(info.depth() * (info.heads() * 4 * 3 + 2 * 3), checked);
        }
        DataRow p0 = rows(out[0]).get(0);
        assertEquals(info.vocab().get(((IntValue)p0.getCell(2)).getIntValue()), str(p0, 3)); // vocab label
    }

    @Test
    void listColumnAndIntegerColumnsGiveTheSameAsText() throws Exception {
        GTransformerPortObject port = TestSupport.defaultPort();
        BufferedDataTable text = sequences("1,2,3", "4,5");
        DataType listType = ListCell.getCollectionType(IntCell.TYPE);
        List<DataRow> listRows = new ArrayList<>();
        listRows.add(new DefaultRow("Row0", CollectionCellFactory.createListCell(List.of(new IntCell(1),
            new IntCell(2), new IntCell(3)))));
        listRows.add(new DefaultRow("Row1", CollectionCellFactory.createListCell(List.of(new IntCell(4),
            new IntCell(5)))));
        BufferedDataTable list = TestTables.table(new DataTableSpec(new String[]{"tokens"}, new DataType[]{listType}),
            listRows);
        BufferedDataTable cols = TestTables.table(new String[]{"p0", "p1", "p2"},
            new DataType[]{IntCell.TYPE, IntCell.TYPE, IntCell.TYPE}, new Object[]{1, 2, 3}, new Object[]{4, 5, null});
        List<DataRow> a = rows(NodeTestHarness.run(model(s -> { }), port, text)[1]);
        List<DataRow> b = rows(NodeTestHarness.run(model(s -> s.addString("sequence_column", "tokens")), port,
            list)[1]);
        List<DataRow> c = rows(NodeTestHarness.run(model(s -> s.addString("sequence_mode",
            "Integer columns (one per position)")), port, cols)[1]);
        assertEquals(a, b);
        assertEquals(a, c);
    }

    @Test
    void booleanColumnsAreNoTokenColumns() throws Exception {
        GTransformerPortObject port = TestSupport.defaultPort();
        BufferedDataTable cols = TestTables.table(new String[]{"p0", "p1", "p2"},
            new DataType[]{IntCell.TYPE, IntCell.TYPE, IntCell.TYPE}, new Object[]{1, 2, 3}, new Object[]{4, 5, null});
        DataTableSpec withFlag = new DataTableSpec(cols.getDataTableSpec(),
            new DataTableSpec(new String[]{"flag"}, new DataType[]{org.knime.core.data.def.BooleanCell.TYPE}));
        List<DataRow> flagged = new ArrayList<>();
        boolean first = true;
        for (DataRow r : cols) {
            flagged.add(new DefaultRow(r.getKey(), r.getCell(0), r.getCell(1), r.getCell(2),
                first ? org.knime.core.data.def.BooleanCell.TRUE : org.knime.core.data.def.BooleanCell.FALSE));
            first = false;
        }
        BufferedDataTable withBooleans = TestTables.table(withFlag, flagged);
        // KNIME's BooleanCell is a LongValue: it must not become a token (1,2,3 would read as 1,2,3,1)
        assertTrue(withFlag.getColumnSpec(3).getType().isCompatible(org.knime.core.data.LongValue.class));
        List<DataRow> plain = rows(NodeTestHarness.run(model(s -> s.addString("sequence_mode", "columns")), port,
            cols)[0]);
        List<DataRow> flaggedOut = rows(NodeTestHarness.run(model(s -> s.addString("sequence_mode", "columns")),
            port, withBooleans)[0]);
        for (int i = 0; i < plain.size(); i++) {
            assertEquals(str(plain.get(i), 6), str(flaggedOut.get(i), 7), "predicted tokens of row " + i);
        }
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> NodeTestHarness.configure(
            model(s -> {
                s.addString("sequence_mode", "columns");
                s.addString("token_columns", "p0,flag");
            }), port.getSpec(), withFlag));
        assertTrue(e.getMessage().startsWith("The token column 'flag' holds "), e.getMessage());
        assertTrue(e.getMessage().endsWith("token columns must hold integers (integer or long columns)."),
            e.getMessage());
        DataTableSpec onlyFlag = new DataTableSpec(new String[]{"flag"},
            new DataType[]{org.knime.core.data.def.BooleanCell.TYPE});
        e = assertThrows(InvalidSettingsException.class, () -> NodeTestHarness.configure(
            model(s -> s.addString("sequence_mode", "columns")), port.getSpec(), onlyFlag));
        assertEquals("The input table has no integer columns to read tokens from; choose a sequence column instead.",
            e.getMessage());
    }

    @Test
    void setColumnsAreRefusedWithASentence() throws Exception {
        GTransformerPortObject port = TestSupport.defaultPort();
        var set = CollectionCellFactory.createSetCell(List.of(new IntCell(4), new IntCell(5), new IntCell(5),
            new IntCell(5), new IntCell(4)));
        assertEquals(2, set.size()); // what a set column would feed the model: 4,5
        DataTableSpec spec = new DataTableSpec(new String[]{"tokens"}, new DataType[]{set.getType()});
        BufferedDataTable table = TestTables.table(spec, List.of(new DefaultRow("Row0", set)));
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
            () -> NodeTestHarness.run(model(s -> s.addString("sequence_column", "tokens")), port, table));
        assertEquals("The sequence column 'tokens' holds sets, which keep each token once and lose their order "
            + "(4,5,5,5,4 becomes {4,5}); use a list column instead (e.g. Create Collection Column with the type List).",
            e.getMessage());
        // nor is a set column guessed when no column is chosen
        e = assertThrows(InvalidSettingsException.class,
            () -> NodeTestHarness.configure(model(s -> { }), port.getSpec(), spec));
        assertEquals("The input table has no text or list column holding sequences; add one (e.g. \"4,5,5,5,4\").",
            e.getMessage());
    }

    // ---------------------------------------------------------------------------------------------- bad rows

    @Test
    void badRowFailsNamingRowPositionAndValue() throws Exception {
        GTransformerPortObject port = TestSupport.defaultPort();
        Exception e = assertThrows(Exception.class,
            () -> NodeTestHarness.run(model(s -> { }), port, sequences("1,2,3", "1,2,42,3")));
        assertEquals("Row Row1 has token 42 at position 2, outside the vocabulary 0..9.", e.getMessage());
        e = assertThrows(Exception.class, () -> NodeTestHarness.run(model(s -> { }), port, sequences("1,x,3")));
        assertEquals("Row Row0 in column 'sequence': 'x' at position 1 is not an integer token.", e.getMessage());
        e = assertThrows(Exception.class, () -> NodeTestHarness.run(model(s -> { }), port, sequences("1,2,3,4,5,6")));
        assertEquals("Row Row0 has 6 tokens; the model takes at most 5.", e.getMessage());
    }

    @Test
    void badRowsSkippedWithWarning() throws Exception {
        GTransformerPortObject port = TestSupport.defaultPort();
        NodeModel m = model(s -> {
            s.addString("on_bad_row", "Skip the row with a warning");
            s.addInt("batch_size", 2);
        });
        PortObject[] out = NodeTestHarness.run(m, port, sequences("1,2,3", "1,2,42,3", "4,5,6", "", "x", "7,8,9"));
        String warning = NodeTestHarness.warningMessage(m);
        assertNotNull(warning);
        assertTrue(warning.startsWith("Skipped 3 of 6 rows"), warning);
        assertTrue(warning.contains("Row Row1 has token 42 at position 2"), warning);
        List<DataRow> pred = rows(out[0]);
        assertEquals(6, pred.size());
        for (int i = 0; i < 6; i++) {
            boolean bad = i == 1 || i == 3 || i == 4;
            assertEquals("Row" + i, pred.get(i).getKey().getString());
            assertEquals(bad, pred.get(i).getCell(2).isMissing(), "row " + i);
        }
        Set<String> sources = new java.util.TreeSet<>();
        rows(out[1]).forEach(r -> sources.add(str(r, 0)));
        assertEquals(Set.of("Row0", "Row2", "Row5"), sources);
    }

    @Test
    void missingCellFailsOrIsSkipped() throws Exception {
        GTransformerPortObject port = TestSupport.defaultPort();
        BufferedDataTable in = TestTables.table(new String[]{"sequence"}, new DataType[]{StringCell.TYPE},
            new Object[]{"1,2"}, new Object[]{null}, new Object[]{"3,4"});
        Exception e = assertThrows(Exception.class, () -> NodeTestHarness.run(model(s -> { }), port, in));
        assertEquals("Row Row1 has a missing value in the sequence column 'sequence'.", e.getMessage());
        NodeModel skip = model(s -> s.addString("on_bad_row", "Skip the row with a warning"));
        PortObject[] out = NodeTestHarness.run(skip, port, in);
        assertEquals(3, rows(out[0]).size());
        assertTrue(NodeTestHarness.warningMessage(skip).contains("Skipped 1 of 3 rows"));
        assertTrue(NodeTestHarness.warningMessage(skip).contains("missing value"));
    }

    @Test
    void emptyTableGivesEmptyTablesWithWarning() throws Exception {
        NodeModel m = model(s -> { });
        PortObject[] out = NodeTestHarness.run(m, TestSupport.defaultPort(), sequences());
        assertEquals(0, ((BufferedDataTable)out[0]).size());
        assertEquals(0, ((BufferedDataTable)out[1]).size());
        assertEquals(List.of(LONG_COLUMNS), List.of(((BufferedDataTable)out[1]).getDataTableSpec().getColumnNames()));
        assertEquals("The input table is empty; both output tables are empty.", NodeTestHarness.warningMessage(m));
    }

    // ---------------------------------------------------------------------------------------------- execution

    @Test
    void cancelInTheMiddleLeavesNoOutput() throws Exception {
        NodeModel m = model(s -> s.addInt("batch_size", 2));
        String[] seqs = new String[10];
        java.util.Arrays.fill(seqs, "1,2,3");
        TestExecution ex = TestExecution.create();
        ex.cancelAfterChecks(2);
        assertThrows(CanceledExecutionException.class,
            () -> NodeTestHarness.execute(m, ex.context(), TestSupport.defaultPort(), sequences(seqs)));
        assertTrue(ex.isCanceled());
        assertEquals(3, ex.cancelChecks());
        // progress went per batch up to the cancel: two batches of 2
        assertEquals(List.of(0.2, 0.4), ex.progressValues());
    }

    @Test
    void streamingGivesTheSameRowsAsExecute() throws Exception {
        GTransformerPortObject port = TestSupport.secondPort();
        Consumer<NodeSettings> settings = s -> {
            s.addBoolean("kind_values", true);
            s.addInt("batch_size", 3);
            s.addString("on_bad_row", "Skip the row with a warning");
        };
        BufferedDataTable in = sequences("1,2,3", "4,5,6,7", "4,5,6,8", "1", "99", "2,2,2", "3,3,3", "1,2,3,4,5,6,7");
        PortObject[] normal = NodeTestHarness.run(model(settings), port, in);
        NodeModel sm = model(settings);
        StreamingResult streamed = NodeTestHarness.runStreamable(sm, port, in);
        assertEquals(rows(normal[0]), TestTables.rows(streamed.table(0)));
        assertEquals(rows(normal[1]), TestTables.rows(streamed.table(1)));
        assertTrue(streamed.allRowInputsDone());
        assertTrue(NodeTestHarness.warningMessage(sm).startsWith("Skipped 1 of 8 rows"));
    }

    /** 100,000 sequences streamed through with counting outputs: heap growth stays bounded by the batch. */
    @Test
    void hundredThousandSequencesStreamWithBoundedMemory() throws Exception {
        GTransformerPortObject port = TestSupport.defaultPort();
        NodeModel m = model(s -> { });
        DataTableSpec spec = sequences().getDataTableSpec();
        int n = 100_000;
        RowInput in = new RowInput() {
            int m_next;

            @Override
            public DataTableSpec getDataTableSpec() {
                return spec;
            }

            @Override
            public DataRow poll() {
                if (m_next >= n) {
                    return null;
                }
                int i = m_next++;
                return new DefaultRow(RowKey.createRowKey((long)i), new StringCell((i % 10) + "," + (i % 7)),
                    new StringCell("c"));
            }

            @Override
            public void close() {
                // nothing
            }
        };
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long base = rt.totalMemory() - rt.freeMemory();
        long[] peak = {0};
        long[] counts = new long[2];
        class Counting extends RowOutput {
            final int m_port;

            Counting(final int port) {
                m_port = port;
            }

            @Override
            public void push(final DataRow row) {
                if (++counts[m_port] % 400_000 == 0) {
                    System.gc();
                    peak[0] = Math.max(peak[0], rt.totalMemory() - rt.freeMemory() - base);
                }
            }

            @Override
            public void close() {
                // nothing
            }
        }
        PortObjectSpec[] inSpecs = {port.getSpec(), spec};
        NodeTestHarness.configure(m, inSpecs);
        StreamableOperator op = m.createStreamableOperator(new PartitionInfo(0, 1), inSpecs);
        TestExecution ex = TestExecution.create();
        op.runFinal(new PortInput[]{new PortObjectInput(port), in}, new PortOutput[]{new Counting(0), new Counting(1)},
            ex.context());
        assertEquals(n, counts[0]);
        assertEquals((long)n * 2 * 3 * 3, counts[1]); // depth 2, heads 3, 2x2 attention without its masked cell
        assertTrue(peak[0] < 64L * 1024 * 1024, "heap grew by " + peak[0] / 1024 / 1024 + " MB");
        assertEquals(n + " sequences", ex.message());
    }

    @Test
    void dialogLoadsAndSavesTheSettings() throws Exception {
        NodeDialogPane d = NodeTestHarness.createDialog(new ExtractRepresentationsNodeFactory());
        NodeModel m = model(s -> {
            s.addString("sequence_column", "sequence");
            s.addInt("batch_size", 17);
        });
        NodeTestHarness.loadDialog(d, NodeTestHarness.saveSettings(m), TestSupport.defaultPort().getSpec(),
            sequences("1").getDataTableSpec());
        NodeSettings saved = NodeTestHarness.saveDialog(d);
        assertEquals("sequence", saved.getString("sequence_column"));
        assertEquals(17, saved.getInt("batch_size"));
        NodeTestHarness.loadSettings(model(s -> { }), saved);
    }

    /** @return whether the widget after the label starting with {@code label} is enabled (first match in the tab) */
    static boolean widgetEnabled(final java.awt.Component root, final String label) {
        if (root instanceof java.awt.Container c) {
            java.awt.Component[] kids = c.getComponents();
            for (int i = 0; i < kids.length; i++) {
                if (kids[i] instanceof javax.swing.JLabel l && l.getText() != null && l.getText().startsWith(label)
                    && i + 1 < kids.length) {
                    return kids[i + 1].isEnabled();
                }
            }
            for (java.awt.Component k : kids) {
                Boolean found = widgetEnabledOrNull(k, label);
                if (found != null) {
                    return found;
                }
            }
        }
        throw new AssertionError("no widget labelled " + label);
    }

    private static Boolean widgetEnabledOrNull(final java.awt.Component root, final String label) {
        try {
            return widgetEnabled(root, label);
        } catch (AssertionError e) {
            return null;
        }
    }

    @Test
    void dialogEnablesTheColumnsOfTheModeItOpensIn() throws Exception {
        NodeDialogPane d = NodeTestHarness.createDialog(new ExtractRepresentationsNodeFactory());
        java.awt.Component tab = NodeTestHarness.tab(d, NodeTestHarness.tabTitles(d).get(0));
        PortObjectSpec[] specs = {TestSupport.defaultPort().getSpec(), sequences("1").getDataTableSpec()};
        NodeModel columns = model(s -> s.addString("sequence_mode", "columns"));
        NodeModel single = model(s -> { });
        // a workflow of the first version: its token columns were saved enabled in one-column mode, with the label
        NodeModel first = model(s -> {
            s.addString("sequence_mode", "One column (text or list of integers)");
            var internals = s.addConfig("token_columns_Internals");
            internals.addString("SettingsModelID", "SMID_string");
            internals.addBoolean("EnabledStatus", true);
        });
        for (NodeModel m : List.of(single, columns, single, columns, first)) {
            boolean inColumns = m == columns;
            NodeTestHarness.loadDialog(d, NodeTestHarness.saveSettings(m), specs);
            assertEquals(inColumns, widgetEnabled(tab, "Token columns"), "Token columns, columns mode " + inColumns);
            assertEquals(!inColumns, widgetEnabled(tab, "Sequence column"), "Sequence column, columns mode "
                + inColumns);
            NodeSettings saved = NodeTestHarness.saveDialog(d);
            NodeModel reloaded = model(s -> { });
            NodeTestHarness.loadSettings(reloaded, saved);
            assertEquals(inColumns, NodeTestHarness.saveSettings(reloaded).getConfig("token_columns_Internals")
                .getBoolean("EnabledStatus"));
            NodeTestHarness.closeDialog(d);
        }
    }

    @Test
    void choiceComponentFollowsItsModelLikeKnimeComponents() {
        // KNIME's DialogComponent base class does not listen to its model: a component that does not listen itself
        // keeps showing an old value and enabled state when code changes the model
        var m = new org.knime.core.node.defaultnodesettings.SettingsModelString("mode", "a");
        var c = new org.gtlens.knime.dialog.DialogComponentChoice(m, "Mode",
            List.of(new org.gtlens.knime.dialog.Choice("a", "A"), new org.gtlens.knime.dialog.Choice("b", "B")));
        m.setStringValue("b");
        assertEquals("b", ((org.gtlens.knime.dialog.Choice)c.box().getSelectedItem()).key());
        m.setEnabled(false);
        assertTrue(!c.box().isEnabled());
    }

    @Test
    void configureWarningsSurviveExecuteWhichClearsThemInKnime() throws Exception {
        GTransformerPortObject port = TestSupport.defaultPort();
        NodeModel none = model(s -> {
            for (Kind k : Kind.values()) {
                s.addBoolean("kind_" + k.contractName(), false);
            }
        });
        String note = "No representation kind is selected; only predictions are computed.";
        NodeTestHarness.configure(none, port.getSpec(), sequences("1,2").getDataTableSpec());
        assertEquals(note, NodeTestHarness.warningMessage(none));
        NodeTestHarness.run(none, port, sequences("1,2", "3"));
        assertEquals(note, NodeTestHarness.warningMessage(none));
        NodeTestHarness.runStreamable(none, port, sequences("1,2", "3"));
        assertEquals(note, NodeTestHarness.warningMessage(none));
        // with skipped rows both are said
        NodeModel skip = model(s -> {
            for (Kind k : Kind.values()) {
                s.addBoolean("kind_" + k.contractName(), false);
            }
            s.addString("on_bad_row", "skip");
        });
        NodeTestHarness.run(skip, port, sequences("1,2", "x"));
        assertTrue(NodeTestHarness.warningMessage(skip).startsWith("Skipped 1 of 2 rows"),
            NodeTestHarness.warningMessage(skip));
        assertTrue(NodeTestHarness.warningMessage(skip).endsWith(" " + note), NodeTestHarness.warningMessage(skip));
        // a node that warned at configure and has nothing to say at execute has no warning left, as in KNIME
        NodeModel fine = model(s -> { });
        NodeTestHarness.run(fine, port, sequences("1,2"));
        assertNull(NodeTestHarness.warningMessage(fine));
    }

    @Test
    void aFailureOrCancelIsNotReplacedByAContainerError() throws Exception {
        GTransformerPortObject port = TestSupport.defaultPort();
        // containers that fail at close, as KNIME's do when their asynchronous writing failed: a node that closes
        // them in a finally block reports that instead of its own failure
        TestExecution failing = TestExecution.create().failContainersAtClose("No space left on device");
        Exception e = assertThrows(Exception.class, () -> NodeTestHarness.run(model(s -> { }), failing.context(),
            port, sequences("1,2,3", "1,2,42,3")));
        assertEquals("Row Row1 has token 42 at position 2, outside the vocabulary 0..9.", e.getMessage());
        TestExecution canceled = TestExecution.create().failContainersAtClose("No space left on device");
        canceled.cancel();
        assertThrows(CanceledExecutionException.class, () -> NodeTestHarness.run(model(s -> { }),
            canceled.context(), port, sequences("1,2,3", "4,5")));
        // and when all went well, the container's error is the node's
        TestExecution full = TestExecution.create().failContainersAtClose("No space left on device");
        e = assertThrows(Exception.class, () -> NodeTestHarness.run(model(s -> { }), full.context(), port,
            sequences("1,2,3")));
        assertEquals("No space left on device", e.getMessage());
    }

    @Test
    void predictionsKeepTheInputCellsAndAppendSix() throws Exception {
        GTransformerPortObject port = TestSupport.defaultPort();
        BufferedDataTable in = sequences("1,2,3", "4,5");
        BufferedDataTable out = (BufferedDataTable)NodeTestHarness.run(model(s -> { }), port, in)[0];
        List<DataRow> inRows = rows(in);
        List<DataRow> outRows = rows(out);
        assertEquals(inRows.size(), outRows.size());
        for (int r = 0; r < inRows.size(); r++) {
            assertEquals(inRows.get(r).getKey(), outRows.get(r).getKey());
            assertEquals(inRows.get(r).getNumCells() + 6, outRows.get(r).getNumCells());
            for (int c = 0; c < inRows.get(r).getNumCells(); c++) {
                assertTrue(inRows.get(r).getCell(c) == outRows.get(r).getCell(c), "input cell " + c + " is the same cell");
            }
        }
        StreamingResult streamed = NodeTestHarness.runStreamable(model(s -> { }), port, in);
        assertEquals(outRows, rows(streamed.table(0)));
    }
}
