package org.gtlens.knime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.gtlens.causal.ActivationPatching;
import org.gtlens.causal.PatchPair;
import org.gtlens.causal.PatchSite;
import org.gtlens.causal.PatchSummary;
import org.gtlens.chart.data.HeatmapGrid;
import org.gtlens.chart.data.HeatmapPanelData;
import org.gtlens.chart.figures.CausalFigures;
import org.gtlens.chart.figures.Figure;
import org.gtlens.chart.figures.FigureKind;
import org.gtlens.csv.input.PairCsvReader;
import org.gtlens.csv.output.CsvTableWriter;
import org.gtlens.knime.heatmap.HeatmapNodeFactory;
import org.gtlens.knime.heatmap.HeatmapNodeModel;
import org.gtlens.knime.patch.PatchActivationsNodeFactory;
import org.gtlens.repr.Extractor;
import org.gtlens.repr.IndexList;
import org.gtlens.run.PatchRun;
import org.gtlens.runtime.GTransformer;
import org.gtlens.table.Tables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.StringValue;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeTestHarness;
import org.knime.core.node.TestExecution;
import org.knime.core.node.TestTables;
import org.knime.core.node.port.PortObject;

/**
 * Patch Activations gives the command line's two tables cell for cell (the pairs of models/pairs/toy.json read by
 * the CLI's CSV reader and run as the CLI runs them), PyTorch's values, a warning naming the pairs that do not
 * separate, refuses a version-1 model at configure, stops on cancel, loads settings saved without the later keys,
 * and its output draws in the Heatmap View with default settings as the CLI's figures.
 */
class PatchActivationsNodeTest {

    @TempDir
    Path dir;

    static JsonArray toyPairs() throws Exception {
        return JsonParser.parseString(Files.readString(TestSupport.root().resolve("models/pairs/toy.json")))
            .getAsJsonArray();
    }

    private static String tokens(final JsonElement a) {
        return a.toString().replaceAll("[\\[\\]]", "");
    }

    /** The toy pairs as the CSV the command line reads (empty cells where a pair has no answer, wrong or group). */
    private Path csv() throws Exception {
        StringBuilder b = new StringBuilder("clean,corrupted,answer,wrong,group\n");
        for (JsonElement e : toyPairs()) {
            JsonObject p = e.getAsJsonObject();
            b.append('"').append(tokens(p.get("clean"))).append("\",\"").append(tokens(p.get("corrupted")))
                .append("\",").append(p.has("answer") ? p.get("answer").getAsString() : "").append(',')
                .append(p.has("wrong") ? p.get("wrong").getAsString() : "").append(',')
                .append(p.has("group") ? p.get("group").getAsString() : "").append('\n');
        }
        return Files.writeString(dir.resolve("pairs.csv"), b.toString());
    }

    /** The toy pairs as a KNIME table: row IDs the pair numbers the CLI gives, missing cells where CSV cells are empty. */
    static BufferedDataTable toyTable() throws Exception {
        DataTableSpec spec = new DataTableSpec(new DataColumnSpecCreator("clean", StringCell.TYPE).createSpec(),
            new DataColumnSpecCreator("corrupted", StringCell.TYPE).createSpec(),
            new DataColumnSpecCreator("answer", IntCell.TYPE).createSpec(),
            new DataColumnSpecCreator("wrong", IntCell.TYPE).createSpec(),
            new DataColumnSpecCreator("group", StringCell.TYPE).createSpec());
        List<DataRow> rows = new ArrayList<>();
        for (JsonElement e : toyPairs()) {
            JsonObject p = e.getAsJsonObject();
            DataCell missing = DataType.getMissingCell();
            rows.add(new DefaultRow(Integer.toString(rows.size()), new StringCell(tokens(p.get("clean"))),
                new StringCell(tokens(p.get("corrupted"))),
                p.has("answer") ? new IntCell(p.get("answer").getAsInt()) : missing,
                p.has("wrong") ? new IntCell(p.get("wrong").getAsInt()) : missing,
                p.has("group") ? new StringCell(p.get("group").getAsString()) : missing));
        }
        return TestTables.table(spec, rows);
    }

    static NodeModel node(final Consumer<NodeSettings> settings) throws Exception {
        NodeModel node = NodeTestHarness.createModel(new PatchActivationsNodeFactory());
        NodeSettings s = NodeTestHarness.saveSettings(node);
        s.addString("clean_column", "clean");
        s.addString("corrupted_column", "corrupted");
        settings.accept(s);
        NodeTestHarness.loadSettings(node, s);
        return node;
    }

    private static List<List<String>> parse(final String text) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        for (var r : org.apache.commons.csv.CSVFormat.DEFAULT.parse(new java.io.StringReader(text))) {
            rows.add(r.toList());
        }
        return rows;
    }

    @ParameterizedTest(name = "sites={0} aggregate={1} answers={2}")
    @CsvSource({"both, none, true", "resid, mean, true", "head, mean, false", "both, none, false"})
    void theNodesTablesAreTheCommandLinesCellForCell(final String sites, final String aggregate,
        final boolean answers) throws Exception {
        boolean agg = !"none".equals(aggregate);
        List<PatchPair> pairs = PairCsvReader.read(csv(), "clean", "corrupted", answers ? "answer" : null,
            answers ? "wrong" : null, agg ? "group" : null);
        StringWriter values = new StringWriter();
        StringWriter pairText = new StringWriter();
        try (GTransformer m = GTransformer.loadDefault(1)) {
            List<PatchSite> chosen = "both".equals(sites) ? List.of(PatchSite.RESID, PatchSite.HEAD)
                : List.of(PatchSite.valueOf(sites.toUpperCase(java.util.Locale.ROOT)));
            PatchRun run = new PatchRun(new ActivationPatching(m, chosen, IndexList.ALL, IndexList.ALL,
                IndexList.ALL, 512L << 20, 256), agg);
            CsvTableWriter v = new CsvTableWriter(values, run.schema());
            CsvTableWriter p = new CsvTableWriter(pairText, Tables.PAIRS);
            run.run(pairs, v::row, p::row, (pair, o) -> { }, Extractor.ProgressListener.NONE, () -> false);
            v.close();
            p.close();
        }
        NodeModel node = node(s -> {
            s.addString("sites", sites);
            s.addString("aggregate", aggregate);
            s.addString("group_column", agg ? "group" : "");
            s.addString("answer_column", answers ? "answer" : "");
            s.addString("wrong_column", answers ? "wrong" : "");
            s.addInt("memory_mb", 512);
        });
        PortObject[] out = NodeTestHarness.run(node, TestSupport.defaultPort(), toyTable());
        for (int t = 0; t < 2; t++) {
            List<List<String>> cli = parse((t == 0 ? values : pairText).toString());
            List<List<String>> knime = FrontEndsAgreeTest.text((BufferedDataTable)out[t]);
            assertEquals(cli.size(), knime.size(), "rows of output " + t);
            for (int r = 1; r < cli.size(); r++) {
                assertEquals(cli.get(r), knime.get(r), "output " + t + " row " + r);
            }
        }
        // pair 9 has the same clean and corrupted sequence: it does not separate
        String warning = NodeTestHarness.warningMessage(node);
        assertTrue(warning != null && warning.startsWith("Pair 9 does not separate"), warning);
        AblateHeadsNodeTest.assertOneSentence(warning);
    }

    /** The first pair's patched values and metrics equal PyTorch's hooks (models/reference/patching.json). */
    @Test
    void valuesMatchPyTorch() throws Exception {
        JsonObject ref = JsonParser.parseString(Files.readString(TestSupport.root().resolve(
            "models/reference/patching.json"))).getAsJsonObject();
        JsonObject pair = ref.getAsJsonArray("pairs").get(0).getAsJsonObject();
        BufferedDataTable in = TestTables.table(new String[]{"clean", "corrupted"},
            new DataType[]{StringCell.TYPE, StringCell.TYPE}, new Object[]{tokens(pair.get("clean")),
                tokens(pair.get("corrupted"))});
        PortObject[] out = NodeTestHarness.run(node(s -> { }), TestSupport.defaultPort(), in);
        List<DataRow> got = TestTables.rows((BufferedDataTable)out[0]);
        JsonArray patched = pair.getAsJsonArray("patched");
        assertEquals(patched.size(), got.size());
        for (int i = 0; i < got.size(); i++) {
            JsonObject want = patched.get(i).getAsJsonObject();
            DataRow row = got.get(i);
            assertEquals(want.get("site").getAsString(), ((StringValue)row.getCell(1)).getStringValue());
            assertEquals(want.get("block").getAsInt(), ((DoubleValue)row.getCell(2)).getDoubleValue(), 0);
            assertEquals(want.get("value").getAsDouble(), ((DoubleValue)row.getCell(5)).getDoubleValue(), 1e-4,
                want.toString());
        }
        DataRow p = TestTables.rows((BufferedDataTable)out[1]).get(0);
        assertEquals(pair.get("chosen_answer").getAsInt(), ((DoubleValue)p.getCell(3)).getDoubleValue(), 0);
        assertEquals(pair.get("clean_metric").getAsDouble(), ((DoubleValue)p.getCell(7)).getDoubleValue(), 1e-4);
        assertEquals(pair.get("corrupted_metric").getAsDouble(), ((DoubleValue)p.getCell(8)).getDoubleValue(),
            1e-4);
    }

    @Test
    void configureRefusesAVersionOneModelInOneSentence() throws Exception {
        var e = assertThrows(InvalidSettingsException.class, () -> NodeTestHarness.configure(node(s -> { }),
            AblateHeadsNodeTest.versionOne(), toyTable().getDataTableSpec()));
        assertTrue(e.getMessage().contains("contract version 1") && e.getMessage().contains("to patch activations"),
            e.getMessage());
        AblateHeadsNodeTest.assertOneSentence(e.getMessage());
        var specs = NodeTestHarness.configure(node(s -> { }), TestSupport.defaultPort().getSpec(),
            toyTable().getDataTableSpec());
        assertEquals(List.of("Pair", "Site", "Block", "Head", "Position", "Value"),
            List.of(((DataTableSpec)specs[0]).getColumnNames()));
        assertEquals(Tables.PAIRS.columns().size(), ((DataTableSpec)specs[1]).getNumColumns());
    }

    @Test
    void unequalLengthsFailNamingThePair() throws Exception {
        BufferedDataTable in = TestTables.table(new String[]{"clean", "corrupted"},
            new DataType[]{StringCell.TYPE, StringCell.TYPE}, new Object[]{"4,5,5", "4,5"});
        var e = assertThrows(InvalidSettingsException.class, () -> NodeTestHarness.run(node(s -> { }),
            TestSupport.defaultPort(), in));
        assertTrue(e.getMessage().startsWith("Pair Row0 has a clean sequence of 3 tokens"), e.getMessage());
        AblateHeadsNodeTest.assertOneSentence(e.getMessage());
    }

    /** Every pair's summary (for the figures) counts against the memory setting, refused before any run. */
    @Test
    void tooManyPairsForTheMemoryAreOneSentence() throws Exception {
        Object[][] rows = new Object[20_000][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = new Object[]{"4,5,5", "7,5,5"};
        }
        BufferedDataTable many = TestTables.table(new String[]{"clean", "corrupted"},
            new DataType[]{StringCell.TYPE, StringCell.TYPE}, rows);
        var e = assertThrows(Exception.class, () -> NodeTestHarness.run(node(s -> s.addInt("memory_mb", 1)),
            TestSupport.defaultPort(), many));
        assertTrue(e.getMessage().startsWith("Means over 20000 pairs of 12 cells each"), e.getMessage());
        AblateHeadsNodeTest.assertOneSentence(e.getMessage());
    }

    /** The command line's rule for residual positions a pair does not have: none kept stops, some lacking warns. */
    @Test
    void positionsNoPairHasStopTheNodeAndSomeLackingWarn() throws Exception {
        BufferedDataTable in = TestTables.table(new String[]{"clean", "corrupted"},
            new DataType[]{StringCell.TYPE, StringCell.TYPE}, new Object[]{"4,5,5", "4,5,4"},
            new Object[]{"4,5,5,5", "4,5,5,4"});
        var e = assertThrows(InvalidSettingsException.class, () -> NodeTestHarness.run(node(s -> {
            s.addString("sites", "resid");
            s.addString("positions", "4");
        }), TestSupport.defaultPort(), in));
        assertEquals("Positions 4 selects no position of any of the 2 pairs (the longest clean sequence has 4 tokens); "
            + "nothing is written.", e.getMessage());
        NodeModel m = node(s -> s.addString("positions", "3"));
        NodeTestHarness.run(m, TestSupport.defaultPort(), in);
        String warning = NodeTestHarness.warningMessage(m);
        assertTrue(warning != null && warning.startsWith("Positions 3 selects no position of pair Row0, whose clean "
            + "sequence has 3 tokens, and of 0 more of the 2 pairs; they have no resid rows."), warning);
        // the head site patches every position: nothing to refuse
        NodeTestHarness.run(node(s -> {
            s.addString("sites", "head");
            s.addString("positions", "4");
        }), TestSupport.defaultPort(), in);
    }

    @Test
    void settingsSavedWithoutTheLaterKeysLoadAndRun() throws Exception {
        NodeModel m = NodeTestHarness.createModel(new PatchActivationsNodeFactory());
        NodeSettings old = new NodeSettings("model");
        for (String[] kv : new String[][]{{"clean_column", "clean"}, {"corrupted_column", "corrupted"},
            {"sites", "head"}, {"blocks", "all"}, {"heads", "all"}, {"positions", "all"}}) {
            old.addString(kv[0], kv[1]);
        }
        old.addInt("batch_size", 8);
        NodeTestHarness.loadSettings(m, old);
        assertEquals("none", NodeTestHarness.saveSettings(m).getString("aggregate"));
        assertEquals("", NodeTestHarness.saveSettings(m).getString("answer_column"));
        assertEquals("column", NodeTestHarness.saveSettings(m).getString("sequence_mode")); // token ids
        PortObject[] out = NodeTestHarness.run(m, TestSupport.defaultPort(), toyTable());
        assertEquals(11 * 2 * 3, ((BufferedDataTable)out[0]).size()); // 11 pairs, 2 blocks x 3 heads
    }

    @Test
    void cancelStopsTheRun() throws Exception {
        TestExecution ex = TestExecution.create();
        ex.cancelAfterChecks(13); // past the 11 rows read, inside the patching
        assertThrows(CanceledExecutionException.class, () -> NodeTestHarness.execute(node(s -> { }), ex.context(),
            TestSupport.defaultPort(), toyTable()));
        assertTrue(ex.isCanceled());
    }

    /** Heatmap View with default settings: the CLI's patching figures, on the fixed range [-1, 1]. */
    @ParameterizedTest
    @CsvSource({"both, RESID, attention", "head, HEAD, attention", "both, HEAD, head", "both, RESID, resid"})
    void theHeatmapViewDrawsTheTableAsTheCommandLinesFigure(final String sites, final PatchSite drawn,
        final String kindSetting) throws Exception {
        BufferedDataTable table = (BufferedDataTable)NodeTestHarness.run(node(s -> s.addString("sites", sites)),
            TestSupport.defaultPort(), toyTable())[0];
        NodeModel view = NodeTestHarness.createModel(new HeatmapNodeFactory());
        NodeSettings s = NodeTestHarness.saveSettings(view);
        s.addString("source_row", "0");
        s.addString("kind", kindSetting); // attention is the default; head or resid pick a patching table's site
        NodeTestHarness.loadSettings(view, s);
        NodeTestHarness.run(view, table);
        Figure f = ((HeatmapNodeModel)view).figure();
        FigureKind kind = drawn == PatchSite.RESID ? FigureKind.PATCHING_RESID : FigureKind.PATCHING_HEAD;
        assertEquals(kind, f.kind());
        assertTrue(f.defaults().fixedRange());
        HeatmapGrid grid = f.grid();
        assertEquals(kind.displayName() + " of source row 0", grid.title());
        assertEquals(drawn == PatchSite.RESID ? "Position" : "Head", grid.colAxisTitle());
        PatchSummary summary;
        try (GTransformer m = GTransformer.loadDefault(1)) {
            PatchPair first = new PatchPair("0", new int[]{4, 5, 5, 5, 4}, new int[]{4, 5, 6, 5, 4}, null, null,
                null);
            summary = new PatchRun(new ActivationPatching(m, 512L << 20), false).run(List.of(first), v -> { },
                v -> { }, (p, o) -> { }, Extractor.ProgressListener.NONE, () -> false);
        }
        HeatmapPanelData cli = CausalFigures.patching(TestSupport.defaultPort().getSpec().getInfo(), summary, drawn,
            g -> g).grid().all().get(0);
        HeatmapPanelData knime = grid.all().get(0);
        int cols = drawn == PatchSite.RESID ? 5 : 3;
        for (int b = 0; b < 2; b++) {
            for (int c = 0; c < cols; c++) {
                assertEquals(cli.value(b, c), knime.value(b, c), 1e-5, b + " " + c);
            }
        }
    }
}
