package org.gtlens.knime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.gtlens.chart.data.HeatmapGrid;
import org.gtlens.chart.data.HeatmapPanelData;
import org.gtlens.knime.heatmap.HeatmapNodeModel;
import org.gtlens.runtime.GTransformer;
import org.gtlens.model.Kind;
import org.gtlens.repr.BatchResult;
import org.gtlens.repr.Extractor;
import org.gtlens.repr.Matrix;
import org.gtlens.repr.Sequence;
import org.gtlens.repr.SequenceSource;
import org.gtlens.csv.output.CsvTables;
import org.gtlens.repr.BatchPlan;
import org.gtlens.repr.Selection;
import org.gtlens.run.TableJob;
import org.gtlens.run.TableRun;
import org.gtlens.table.Layout;
import org.gtlens.table.Tables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.RowKey;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeTestHarness;
import org.knime.core.node.TestTables;

/**
 * A long CSV written by the command line's pipeline and read into KNIME (columns named by the CSV header's keys,
 * numbers typed as KNIME's CSV Reader types them) draws in the Heatmap View with its default settings exactly as the
 * node's own output does: attention only, the mean over the sequences, not mixed with another kind.
 */
class CsvIntoKnimeTest {

    @TempDir
    Path dir;

    @Test
    void longCsvOfTheCommandLineDrawsWithDefaultSettings() throws Exception {
        List<Sequence> sequences = List.of(new Sequence("0", new int[]{4, 5, 5, 5, 4}),
            new Sequence("1", new int[]{1, 2, 3, 5, 8}));
        BatchResult batch;
        try (GTransformer model = GTransformer.loadDefault(1)) {
            TableJob job = TableJob.representations(Selection.all(EnumSet.of(Kind.ATTENTION, Kind.KEYS)),
                BatchPlan.of(256), Layout.LONG);
            CsvTables.write(new TableRun<>(job, model, null), job, SequenceSource.of(sequences).items(), dir,
                done -> { }, () -> false);
            batch = new Extractor(model, EnumSet.of(Kind.ATTENTION), 2).extract(sequences);
        }
        BufferedDataTable table = readAsKnimeCsvReaderWould(dir.resolve(CsvTables.REPRESENTATIONS));

        NodeModel view = HeatmapNodeTest.model(s -> { });
        NodeTestHarness.run(view, table);
        HeatmapGrid grid = ((HeatmapNodeModel)view).grid();
        assertNotNull(grid);
        // blocks x heads panels of attention (5 x 5); keys (5 x 2) would have widened or mixed them
        assertEquals(2, grid.gridRows());
        assertEquals(3, grid.gridCols());
        for (int block = 0; block < 2; block++) {
            for (int head = 0; head < 3; head++) {
                HeatmapPanelData p = grid.panel(block, head);
                assertEquals(5, p.rows());
                assertEquals(5, p.cols());
                Matrix a = batch.matrix(0, Kind.ATTENTION, block, head);
                Matrix b = batch.matrix(1, Kind.ATTENTION, block, head);
                for (int r = 0; r < 5; r++) {
                    for (int c = 0; c < 5; c++) {
                        assertEquals((a.get(r, c) + b.get(r, c)) / 2, p.value(r, c), 1e-6, block + "/" + head);
                    }
                }
            }
        }
        assertEquals("Out 0", grid.panel(0, 0).rowLabels().get(0).substring(0, 5));
    }

    /** Header keys as column names; integer-looking columns as integers (empty = missing), others as text. */
    private static BufferedDataTable readAsKnimeCsvReaderWould(final Path csv) throws Exception {
        List<CSVRecord> records = new ArrayList<>();
        String[] header;
        try (Reader r = Files.newBufferedReader(csv)) {
            var parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r);
            header = parser.getHeaderNames().toArray(new String[0]);
            parser.forEach(records::add);
        }
        assertEquals(List.of(Tables.LONG.keys()), List.of(header));
        DataType[] types = new DataType[header.length];
        for (int c = 0; c < header.length; c++) {
            types[c] = switch (header[c]) {
                case "kind", "row_label", "col_label" -> StringCell.TYPE;
                case "value" -> DoubleCell.TYPE;
                default -> IntCell.TYPE;
            };
        }
        List<DataRow> rows = new ArrayList<>();
        for (CSVRecord rec : records) {
            DataCell[] cells = new DataCell[header.length];
            for (int c = 0; c < header.length; c++) {
                String v = rec.get(c);
                cells[c] = v.isEmpty() ? DataType.getMissingCell() : types[c] == IntCell.TYPE
                    ? new IntCell(Integer.parseInt(v)) : types[c] == DoubleCell.TYPE
                        ? new DoubleCell(Double.parseDouble(v)) : new StringCell(v);
            }
            rows.add(new DefaultRow(RowKey.createRowKey((long)rows.size()), cells));
        }
        return TestTables.table(new DataTableSpec(header, types), rows);
    }
}
