package org.gtlens.knime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.gtlens.causal.AblationMethod;
import org.gtlens.causal.EffectMetric;
import org.gtlens.causal.EffectSummary;
import org.gtlens.causal.HeadAblation;
import org.gtlens.chart.data.HeatmapGrid;
import org.gtlens.chart.data.HeatmapPanelData;
import org.gtlens.chart.figures.CausalFigures;
import org.gtlens.chart.figures.Figure;
import org.gtlens.chart.figures.FigureKind;
import org.gtlens.chart.options.ChartOptions.RangeMode;
import org.gtlens.csv.input.SequenceCsvReader;
import org.gtlens.csv.output.CsvTableWriter;
import org.gtlens.knime.ablate.AblateHeadsNodeFactory;
import org.gtlens.knime.heatmap.HeatmapNodeFactory;
import org.gtlens.knime.heatmap.HeatmapNodeModel;
import org.gtlens.knime.port.GTransformerPortObjectSpec;
import org.gtlens.model.ModelInfo;
import org.gtlens.repr.Extractor;
import org.gtlens.repr.IndexList;
import org.gtlens.repr.Item;
import org.gtlens.repr.Sequence;
import org.gtlens.run.AblationRun;
import org.gtlens.runtime.GTransformer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.IntValue;
import org.knime.core.data.StringValue;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.StringCell;
import org.knime.core.data.DataType;
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
 * Ablate Heads gives the command line's table cell for cell (the same core run written as the CLI writes it), the
 * values PyTorch's hooks give, refuses a version-1 model at configure, stops on cancel, loads settings saved without
 * the keys added later, and its output draws in the Heatmap View with default settings as the CLI's figure.
 */
class AblateHeadsNodeTest {

    static Path toyClasses() {
        return TestSupport.root().resolve("docs/examples/toy_classes.csv");
    }

    /** What {@code gtlens ablate --input toy_classes.csv --column tokens ...} writes into ablation.csv. */
    static List<List<String>> cli(final AblationMethod method, final boolean aggregate, final String groupColumn)
        throws Exception {
        StringWriter out = new StringWriter();
        try (GTransformer m = GTransformer.loadDefault(1);
                SequenceCsvReader reader = new SequenceCsvReader(toyClasses(), "tokens", groupColumn)) {
            List<Sequence> sequences = new ArrayList<>();
            List<String> groups = groupColumn == null ? null : new ArrayList<>();
            for (Item<String> item = reader.nextItem(); item != null; item = reader.nextItem()) {
                sequences.add(item.sequence());
                if (groups != null) {
                    groups.add(item.origin());
                }
            }
            AblationRun run = new AblationRun(new HeadAblation(m, method, IndexList.ALL, IndexList.ALL, 512L << 20,
                256), aggregate);
            CsvTableWriter table = new CsvTableWriter(out, run.schema());
            run.run(sequences, groups, table::row, Extractor.ProgressListener.NONE, () -> false);
            table.close();
        }
        List<List<String>> rows = new ArrayList<>();
        for (CSVRecord r : CSVFormat.DEFAULT.parse(new StringReader(out.toString()))) {
            rows.add(r.toList());
        }
        return rows;
    }

    /** The CSV as a KNIME table: row IDs the sequence numbers the CLI gives. */
    static BufferedDataTable toyTable() throws Exception {
        return FrontEndsAgreeTest.knimeTable(toyClasses());
    }

    static NodeModel node(final Consumer<NodeSettings> settings) throws Exception {
        NodeModel node = NodeTestHarness.createModel(new AblateHeadsNodeFactory());
        NodeSettings s = NodeTestHarness.saveSettings(node);
        settings.accept(s);
        NodeTestHarness.loadSettings(node, s);
        return node;
    }

    @ParameterizedTest(name = "{0} aggregate={1} group={2}")
    @CsvSource({"zero, none, ", "mean, none, ", "zero, mean, class", "mean, mean, "})
    void theNodesTableIsTheCommandLinesCellForCell(final String method, final String aggregate, final String group)
        throws Exception {
        List<List<String>> cli = cli(AblationMethod.valueOf(method.toUpperCase(java.util.Locale.ROOT)),
            !"none".equals(aggregate), group);
        NodeModel node = node(s -> {
            s.addString("sequence_column", "tokens");
            s.addString("method", method);
            s.addString("aggregate", aggregate);
            s.addString("group_column", group == null ? "" : group);
            s.addInt("memory_mb", 512);
        });
        PortObject[] out = NodeTestHarness.run(node, TestSupport.defaultPort(), toyTable());
        List<List<String>> knime = FrontEndsAgreeTest.text((BufferedDataTable)out[0]);
        assertEquals(cli.size(), knime.size(), "rows");
        for (int r = 1; r < cli.size(); r++) {
            assertEquals(cli.get(r), knime.get(r), "row " + r);
        }
        if ("none".equals(aggregate)) {
            assertEquals(64 * 6 * 3, knime.size() - 1);
        }
    }

    /** Every metric of every sequence and head equals what PyTorch computes with forward hooks (ablation.json). */
    @ParameterizedTest
    @CsvSource({"zero", "mean"})
    void valuesMatchPyTorch(final String method) throws Exception {
        Path dir = TestSupport.root().resolve("models/reference");
        JsonObject json = JsonParser.parseString(Files.readString(dir.resolve("ablation.json"))).getAsJsonObject();
        JsonObject manifest = JsonParser.parseString(Files.readString(dir.resolve("manifest.json")))
            .getAsJsonObject();
        List<DataRow> rows = new ArrayList<>();
        int i = 0;
        for (JsonElement seq : manifest.getAsJsonArray("sequences")) {
            rows.add(new DefaultRow("s" + i++, new StringCell(seq.toString().replaceAll("[\\[\\]]", ""))));
        }
        BufferedDataTable in = TestTables.table(
            new DataTableSpec(new DataColumnSpecCreator("tokens", StringCell.TYPE).createSpec()), rows);
        BufferedDataTable out = (BufferedDataTable)NodeTestHarness.run(node(s -> s.addString("method", method)),
            TestSupport.defaultPort(), in)[0];
        List<DataRow> got = TestTables.rows(out);
        var runs = json.getAsJsonObject("methods").getAsJsonObject(method).getAsJsonArray("runs");
        assertEquals(runs.size() * EffectMetric.values().length, got.size());
        int r = 0;
        for (JsonElement e : runs) {
            JsonObject want = e.getAsJsonObject();
            for (EffectMetric metric : EffectMetric.values()) {
                DataRow row = got.get(r++);
                String where = method + " " + want + " " + metric.key();
                assertEquals("s" + want.get("sequence").getAsInt(), ((StringValue)row.getCell(0)).getStringValue());
                assertEquals(want.get("block").getAsInt(), ((IntValue)row.getCell(1)).getIntValue(), where);
                assertEquals(want.get("head").getAsInt(), ((IntValue)row.getCell(2)).getIntValue(), where);
                assertEquals(metric.key(), ((StringValue)row.getCell(3)).getStringValue(), where);
                assertEquals(want.get(metric.key()).getAsDouble(), ((DoubleValue)row.getCell(4)).getDoubleValue(),
                    1e-4, where);
            }
        }
    }

    /** The default model declared as contract version 1 (the port spec carries the version). */
    static GTransformerPortObjectSpec versionOne() throws Exception {
        ModelInfo i = TestSupport.defaultPort().getSpec().getInfo();
        return new GTransformerPortObjectSpec(new ModelInfo(i.source(), i.k(), i.heads(), i.depth(), i.t(),
            i.numTokens(), i.vocab(), i.scaling(), i.description(), i.fixedLength(), i.sizeBytes(), 1,
            i.byteVocab()));
    }

    static void assertOneSentence(final String message) {
        assertTrue(message.endsWith(".") && !message.substring(0, message.length() - 1).contains(". "), message);
    }

    /** The summary's groups count against the memory setting, refused before any run in one sentence. */
    @Test
    void tooManyGroupsForTheMemoryAreOneSentence() throws Exception {
        Object[][] rows = new Object[20_000][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = new Object[]{"4,5", "g" + i};
        }
        BufferedDataTable many = TestTables.table(new String[]{"sequence", "class"},
            new DataType[]{StringCell.TYPE, StringCell.TYPE}, rows);
        var e = assertThrows(Exception.class, () -> NodeTestHarness.run(node(s -> {
            s.addString("aggregate", "mean");
            s.addString("group_column", "class");
            s.addInt("memory_mb", 1);
        }), TestSupport.defaultPort(), many));
        assertTrue(e.getMessage().matches("Means over 20000 groups of 18 cells each \\([0-9.]+ KB each, [0-9.]+ MB in "
            + "all\\) do not fit in the memory budget of 1 MB; raise the memory budget.*"), e.getMessage());
        assertOneSentence(e.getMessage());
    }

    @Test
    void configureRefusesAVersionOneModelInOneSentence() throws Exception {
        var e = assertThrows(InvalidSettingsException.class, () -> NodeTestHarness.configure(node(s -> { }),
            versionOne(), toyTable().getDataTableSpec()));
        assertTrue(e.getMessage().startsWith("Model ") && e.getMessage().contains("contract version 1")
            && e.getMessage().contains("to ablate heads"), e.getMessage());
        assertOneSentence(e.getMessage());
        // and a version-2 model configures to the schema's KNIME titles
        DataTableSpec spec = (DataTableSpec)NodeTestHarness.configure(node(s -> { }),
            TestSupport.defaultPort().getSpec(), toyTable().getDataTableSpec())[0];
        assertEquals(List.of("Row ID of source", "Block", "Head", "Metric", "Value"), List.of(spec.getColumnNames()));
    }

    @Test
    void oneSentenceErrors() throws Exception {
        var mean = assertThrows(InvalidSettingsException.class, () -> NodeTestHarness.run(
            node(s -> s.addString("method", "mean")), TestSupport.defaultPort(),
            ExtractRepresentationsNodeTest.sequences("1,2,3")));
        assertTrue(mean.getMessage().contains("at least 2 rows; the input has 1"), mean.getMessage());
        assertOneSentence(mean.getMessage());
        Exception bad = assertThrows(Exception.class, () -> NodeTestHarness.run(node(s -> { }),
            TestSupport.defaultPort(), ExtractRepresentationsNodeTest.sequences("1,2,3", "1,x,3")));
        assertTrue(bad.getMessage().startsWith("Row Row1 "), bad.getMessage());
        assertOneSentence(bad.getMessage());
        var block = assertThrows(InvalidSettingsException.class, () -> NodeTestHarness.configure(
            node(s -> s.addString("blocks", "7")), TestSupport.defaultPort().getSpec(),
            toyTable().getDataTableSpec()));
        assertTrue(block.getMessage().contains("the model has 2 blocks"), block.getMessage());
    }

    @Test
    void settingsSavedWithoutTheLaterKeysLoadAndRun() throws Exception {
        NodeModel m = NodeTestHarness.createModel(new AblateHeadsNodeFactory());
        NodeSettings old = new NodeSettings("model");
        old.addString("sequence_column", "tokens");
        old.addString("method", "zero");
        old.addString("blocks", "last");
        old.addString("heads", "all");
        old.addInt("batch_size", 4);
        NodeTestHarness.loadSettings(m, old);
        NodeSettings now = NodeTestHarness.saveSettings(m);
        assertEquals("none", now.getString("aggregate"));
        assertEquals("column", now.getString("sequence_mode"));
        BufferedDataTable out = (BufferedDataTable)NodeTestHarness.run(m, TestSupport.defaultPort(),
            toyTable())[0];
        assertEquals(64 * 3 * 3, out.size()); // the last block's 3 heads, 3 metrics
    }

    @Test
    void cancelStopsTheRun() throws Exception {
        TestExecution ex = TestExecution.create();
        ex.cancelAfterChecks(74); // past the 64 rows read, at the 11th sequence's run (7 rows: a sequence a run)
        assertThrows(CanceledExecutionException.class, () -> NodeTestHarness.execute(node(s -> s.addInt(
            "batch_size", 7)), ex.context(), TestSupport.defaultPort(), toyTable()));
        assertTrue(ex.isCanceled());
        assertEquals(75, ex.cancelChecks());
        assertTrue(ex.progressValues().stream().allMatch(p -> p < 1.0), ex.progressValues().toString());
    }

    /** Heatmap View with default settings: one block x head panel per metric, each its own range, as the CLI's. */
    @Test
    void theHeatmapViewDrawsTheTableAsTheCommandLinesFigure() throws Exception {
        BufferedDataTable table = (BufferedDataTable)NodeTestHarness.run(node(s -> s.addString("sequence_column",
            "tokens")), TestSupport.defaultPort(), toyTable())[0];
        NodeModel view = NodeTestHarness.createModel(new HeatmapNodeFactory());
        NodeTestHarness.run(view, table);
        Figure f = ((HeatmapNodeModel)view).figure();
        assertEquals(FigureKind.HEAD_ABLATION, f.kind());
        assertEquals(RangeMode.PER_PANEL, f.defaults().range());
        HeatmapGrid grid = f.grid();
        assertEquals("Head ablation, mean over 64 source rows", grid.title());
        // the CLI's figure of the same sequences (one group: the mean over all)
        EffectSummary summary;
        try (GTransformer m = GTransformer.loadDefault(1); SequenceCsvReader reader =
                new SequenceCsvReader(toyClasses(), "tokens")) {
            List<Sequence> sequences = new ArrayList<>();
            for (Item<String> item = reader.nextItem(); item != null; item = reader.nextItem()) {
                sequences.add(item.sequence());
            }
            summary = new AblationRun(new HeadAblation(m, AblationMethod.ZERO, 512L << 20), false).run(sequences,
                null, values -> { }, Extractor.ProgressListener.NONE, () -> false);
        }
        Figure cli = CausalFigures.headAblation(TestSupport.defaultPort().getSpec().getInfo(), summary,
            AblationMethod.ZERO);
        List<String> titles = new ArrayList<>();
        for (HeatmapPanelData p : grid.all()) {
            titles.add(p.title());
            HeatmapPanelData c = cli.grid().all().stream().filter(q -> p.title().equals(q.title())).findFirst()
                .orElseThrow();
            for (int b = 0; b < 2; b++) {
                for (int h = 0; h < 3; h++) {
                    assertEquals(c.value(b, h), p.value(b, h), 1e-5, p.title() + " " + b + " " + h);
                }
            }
        }
        // the command line's panels, in its order and with its titles
        assertEquals(cli.grid().all().stream().map(HeatmapPanelData::title).toList(), titles);
        assertEquals("Block", grid.rowAxisTitle());
    }

    /** Aggregated per group: the view draws a group's means (the picker's items are the groups). */
    @Test
    void theHeatmapViewDrawsTheAggregatedTable() throws Exception {
        BufferedDataTable table = (BufferedDataTable)NodeTestHarness.run(node(s -> {
            s.addString("aggregate", "mean");
            s.addString("group_column", "class");
        }), TestSupport.defaultPort(), toyTable())[0];
        NodeModel view = NodeTestHarness.createModel(new HeatmapNodeFactory());
        NodeSettings s = NodeTestHarness.saveSettings(view);
        s.addString("source_row", "palindrome");
        NodeTestHarness.loadSettings(view, s);
        NodeTestHarness.run(view, table);
        Figure f = ((HeatmapNodeModel)view).figure();
        assertEquals(FigureKind.HEAD_ABLATION, f.kind());
        assertEquals("Head ablation of source row palindrome", f.grid().title());
        assertEquals(3, f.grid().all().size());
    }
}
