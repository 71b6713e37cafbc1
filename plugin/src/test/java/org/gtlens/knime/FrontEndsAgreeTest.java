package org.gtlens.knime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.gtlens.csv.input.SequenceCsvReader;
import org.gtlens.csv.output.CsvTables;
import org.gtlens.knime.extract.ExtractRepresentationsNodeFactory;
import org.gtlens.model.Kind;
import org.gtlens.repr.BatchPlan;
import org.gtlens.repr.Extractor;
import org.gtlens.repr.IndexList;
import org.gtlens.repr.Selection;
import org.gtlens.run.Output;
import org.gtlens.run.TableJob;
import org.gtlens.run.TableRun;
import org.gtlens.runtime.GTransformer;
import org.gtlens.table.FloatText;
import org.gtlens.table.Layout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.IntValue;
import org.knime.core.data.StringValue;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeTestHarness;
import org.knime.core.node.TestTables;
import org.knime.core.node.port.PortObject;

/**
 * The command line and the Extract node run the same core, so the same input must give the same tables, cell for
 * cell: the CLI's CSV files against the node's outputs, for every table the node can make.
 */
class FrontEndsAgreeTest {

    @TempDir
    Path dir;

    /** One configuration, said both ways. */
    record Case(String name, TableJob job, boolean grouped, Consumer<NodeSettings> settings) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> cases() {
        Selection all = Selection.all(EnumSet.of(Kind.ATTENTION, Kind.QUERIES, Kind.KEYS, Kind.VALUES, Kind.OUT,
            Kind.LOGPROBS, Kind.ROLLOUT)).withKeepMasked(false);
        Selection some = Selection.all(EnumSet.of(Kind.ATTENTION, Kind.LOGPROBS)).withBlocks(IndexList.parse("last"))
            .withHeads(IndexList.parse("0,2")).withPositions(IndexList.parse("0,last")).withTopK(3)
            .withKeepMasked(true);
        BatchPlan plan = BatchPlan.of(7);
        Consumer<NodeSettings> allKinds = s -> {
            for (Kind k : Kind.values()) {
                s.addBoolean("kind_" + k.contractName(), true);
            }
            s.addBoolean("keep_masked", false);
            s.addInt("batch_size", 7);
        };
        Consumer<NodeSettings> someKinds = s -> {
            for (Kind k : Kind.values()) {
                s.addBoolean("kind_" + k.contractName(), k == Kind.ATTENTION || k == Kind.LOGPROBS);
            }
            s.addString("blocks", "last");
            s.addString("heads", "0,2");
            s.addString("positions", "0,last");
            s.addInt("top_k", 3);
            s.addBoolean("keep_masked", true);
            s.addInt("batch_size", 7);
        };
        return Stream.of(
            new Case("long", TableJob.representations(all, plan, Layout.LONG), false, allKinds),
            new Case("long selection", TableJob.representations(some, plan, Layout.LONG), false, someKinds),
            new Case("matrix", TableJob.representations(all, plan, Layout.MATRIX), false,
                allKinds.andThen(s -> s.addString("layout", "matrix"))),
            new Case("matrix selection", TableJob.representations(some, plan, Layout.MATRIX), false,
                someKinds.andThen(s -> s.addString("layout", "matrix"))),
            new Case("mean per group", new TableJob(all, plan, Layout.LONG, true, Set.of(Output.REPRESENTATIONS)),
                true, allKinds.andThen(FrontEndsAgreeTest::perGroup)),
            new Case("mean over all", new TableJob(all, plan, Layout.LONG, true, Set.of(Output.REPRESENTATIONS)),
                false, allKinds.andThen(s -> s.addString("aggregate", "all"))),
            new Case("head scores", new TableJob(all, plan, Layout.LONG, false, Set.of(Output.HEAD_SCORES)), false,
                allKinds.andThen(s -> s.addString("second_output", "head_scores"))),
            new Case("lens statistics", new TableJob(all, plan, Layout.LONG, false, Set.of(Output.LENS_STATS)), false,
                allKinds.andThen(s -> s.addString("second_output", "lens_stats"))),
            new Case("head scores per group", new TableJob(all, plan, Layout.LONG, true, Set.of(Output.HEAD_SCORES)),
                true, allKinds.andThen(FrontEndsAgreeTest::perGroup)
                    .andThen(s -> s.addString("second_output", "head_scores"))),
            new Case("lens statistics per group", new TableJob(all, plan, Layout.LONG, true,
                Set.of(Output.LENS_STATS)), true, allKinds.andThen(FrontEndsAgreeTest::perGroup)
                    .andThen(s -> s.addString("second_output", "lens_stats"))))
            .map(Arguments::of);
    }

    private static void perGroup(final NodeSettings s) {
        s.addString("aggregate", "group");
        s.addString("group_column", "class");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theNodesTablesAreTheCommandLinesCellForCell(final Case c) throws Exception {
        Path input = TestSupport.root().resolve("docs/examples/toy_classes.csv");
        Output output = c.job().outputs().iterator().next();
        try (GTransformer model = GTransformer.loadDefault(1);
                SequenceCsvReader reader = new SequenceCsvReader(input, "tokens", c.grouped() ? "class" : null)) {
            CsvTables.write(new TableRun<>(c.job(), model, Function.identity()), c.job(), reader::nextItem, dir,
                Extractor.ProgressListener.NONE, () -> false);
        }
        List<List<String>> cli = csv(dir.resolve(CsvTables.fileName(output)));

        NodeModel node = NodeTestHarness.createModel(new ExtractRepresentationsNodeFactory());
        NodeSettings s = NodeTestHarness.saveSettings(node);
        s.addString("sequence_column", "tokens");
        c.settings().accept(s);
        NodeTestHarness.loadSettings(node, s);
        PortObject[] out = NodeTestHarness.run(node, TestSupport.defaultPort(), knimeTable(input));
        List<List<String>> knime = text((BufferedDataTable)out[1]);

        assertEquals(cli.size(), knime.size(), "rows");
        assertEquals(cli.get(0).size(), knime.get(0).size(), "columns");
        for (int r = 1; r < cli.size(); r++) {
            assertEquals(cli.get(r), knime.get(r), "row " + r);
        }
        // the predictions: the node appends the CSV's columns after "tokens" to each input row
        List<List<String>> predictions = csv(dir.resolve(CsvTables.PREDICTIONS));
        List<List<String>> appended = text((BufferedDataTable)out[0]);
        assertEquals(predictions.size(), appended.size());
        for (int r = 1; r < predictions.size(); r++) {
            List<String> p = predictions.get(r);
            List<String> a = appended.get(r);
            assertEquals(p.subList(2, p.size()), a.subList(a.size() - (p.size() - 2), a.size()), "prediction " + r);
        }
    }

    /**
     * A wide table of sequences of different lengths, as KNIME's CSV Reader makes it from a CSV of one column per
     * position: both front ends read the same tokens, or refuse the row with the same sentence after naming it.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"4,5,5,5,4", "1,2,3,,", "7,,,,", ",,,,", "1,,3,4,",
        ",2,3,4,5"})
    void positionColumnsFollowOneRule(final String line) throws Exception {
        Path csv = Files.writeString(dir.resolve("wide.csv"), "p0,p1,p2,p3,p4\n" + line + "\n");
        String cli;
        try (SequenceCsvReader reader = new SequenceCsvReader(csv, null)) {
            cli = java.util.Arrays.toString(reader.next().tokens());
        } catch (org.gtlens.GtLensException e) {
            cli = e.getMessage().replaceFirst("^Input file wide.csv line 2 \\(sequence 0\\) ", "");
        }
        String[] fields = line.split(",", -1);
        org.knime.core.data.DataColumnSpec[] columns = new org.knime.core.data.DataColumnSpec[fields.length];
        DataCell[] cells = new DataCell[fields.length];
        boolean numbers = true;
        for (int i = 0; i < fields.length; i++) {
            columns[i] = new DataColumnSpecCreator("p" + i, numbers ? org.knime.core.data.def.IntCell.TYPE
                : StringCell.TYPE).createSpec();
            cells[i] = fields[i].isEmpty() ? org.knime.core.data.DataType.getMissingCell() : numbers
                ? new org.knime.core.data.def.IntCell(Integer.parseInt(fields[i])) : new StringCell(fields[i]);
        }
        NodeModel node = NodeTestHarness.createModel(new ExtractRepresentationsNodeFactory());
        NodeSettings s = NodeTestHarness.saveSettings(node);
        s.addString("sequence_mode", "columns");
        s.addString("on_bad_row", "skip");
        NodeTestHarness.loadSettings(node, s);
        PortObject[] out = NodeTestHarness.run(node, TestSupport.defaultPort(),
            TestTables.table(new DataTableSpec(columns), new DefaultRow("0", cells)));
        String knime;
        String warning = NodeTestHarness.warningMessage(node);
        if (warning != null && warning.contains("First: ")) {
            knime = warning.substring(warning.indexOf("First: ") + 7).replaceFirst("^Row 0 ", "");
        } else {
            // the tokens the node read, from the row labels of head 0 of block 0 ("Out 2: 5")
            List<String> tokens = new ArrayList<>();
            for (DataRow r : TestTables.rows((BufferedDataTable)out[1])) {
                String label = ((StringValue)r.getCell(6)).getStringValue();
                if (r.getCell(1).toString().equals("0") && r.getCell(2).toString().equals("0")
                    && r.getCell(5).toString().equals("0")) {
                    tokens.add(label.substring(label.indexOf(": ") + 2));
                }
            }
            knime = tokens.toString();
        }
        assertEquals(cli, knime, line);
    }

    /** The CSV as the node reads it: one row per line, row IDs the sequence numbers the CLI gives. */
    static BufferedDataTable knimeTable(final Path input) throws Exception {
        List<List<String>> lines = csv(input);
        DataTableSpec spec = new DataTableSpec(new DataColumnSpecCreator("tokens", StringCell.TYPE).createSpec(),
            new DataColumnSpecCreator("class", StringCell.TYPE).createSpec());
        List<DataRow> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            rows.add(new DefaultRow(Integer.toString(i - 1), new StringCell(lines.get(i).get(0)),
                new StringCell(lines.get(i).get(1))));
        }
        return TestTables.table(spec, rows);
    }

    static List<List<String>> csv(final Path file) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(file)) {
            for (CSVRecord r : CSVFormat.DEFAULT.parse(in)) {
                rows.add(r.toList());
            }
        }
        return rows;
    }

    /** A KNIME table as the CSV writes it: numbers as the shortest text of their float, missing cells empty. */
    static List<List<String>> text(final BufferedDataTable table) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(table.getDataTableSpec().getColumnNames()));
        for (DataRow row : TestTables.rows(table)) {
            List<String> cells = new ArrayList<>();
            for (DataCell cell : row) {
                cells.add(cell.isMissing() ? "" : cell instanceof IntValue i ? Integer.toString(i.getIntValue())
                    : cell instanceof StringValue t ? t.getStringValue()
                        : FloatText.toString((float)((DoubleValue)cell).getDoubleValue()));
            }
            rows.add(cells);
        }
        return rows;
    }
}
