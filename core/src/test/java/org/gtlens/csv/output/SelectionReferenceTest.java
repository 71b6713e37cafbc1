package org.gtlens.csv.output;

import org.gtlens.table.LayoutRows;
import org.gtlens.table.Tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.gtlens.runtime.FloatTensor;
import org.gtlens.runtime.GTransformer;
import org.gtlens.model.Kind;
import org.gtlens.repr.BatchPlan;
import org.gtlens.repr.Extractor;
import org.gtlens.repr.IndexList;
import org.gtlens.repr.Selection;
import org.gtlens.repr.Sequence;
import org.gtlens.repr.SequenceSource;
import org.gtlens.testing.Derived;
import org.gtlens.testing.Project;
import org.gtlens.testing.Reference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.gtlens.table.Layouts;

/**
 * A selection on the medium model (k=64, 4 heads, 6 blocks, V=64) writes exactly the cells it names, each equal to
 * PyTorch's own value, in both layouts; top-k rows are PyTorch's torch.topk; masked cells are left out or kept.
 */
class SelectionReferenceTest {

    private static final float TOLERANCE = 1e-4f;

    private static final Set<Kind> KINDS = EnumSet.of(Kind.ATTENTION, Kind.KEYS, Kind.OUT, Kind.LOGPROBS);

    /** The cells a selection must write, computed here from the indices alone, in the documented order. */
    private static List<String> expectedCells(Reference ref, Derived derived, int[] blocks, int[] heads, int[] rows,
            int topK, boolean keepMasked) {
        int depth = ref.config().get("depth").getAsInt();
        int h = ref.config().get("heads").getAsInt();
        int k = ref.config().get("k").getAsInt();
        int v = ref.config().get("num_tokens").getAsInt();
        int[] topShape = derived.shapes().get("topk_indices");
        List<String> cells = new ArrayList<>();
        for (int s = 0; s < ref.sequences().size(); s++) {
            int length = ref.sequences().get(s).length;
            for (int block : blocks) {
                for (Kind kind : List.of(Kind.ATTENTION, Kind.KEYS, Kind.OUT, Kind.LOGPROBS)) {
                    for (int head : kind.perHead() ? heads : new int[] {-1}) {
                        for (int r : rows) {
                            if (kind == Kind.LOGPROBS) {
                                for (int j = 0; j < topK; j++) {
                                    int at = ((s * depth + block) * length + r) * topShape[3] + j;
                                    cells.add(s + "," + block + "," + head + ",logprobs," + r + ","
                                            + derived.ints().get("topk_indices")[at]);
                                }
                                continue;
                            }
                            int cols = kind == Kind.ATTENTION ? (keepMasked ? length : r + 1)
                                    : kind == Kind.KEYS ? k / h : k;
                            for (int c = 0; c < cols; c++) {
                                cells.add(s + "," + block + "," + head + "," + kind.contractName() + "," + r + ","
                                        + c);
                            }
                        }
                    }
                }
            }
        }
        assertTrue(v >= topK);
        return cells;
    }

    /** PyTorch's value of a cell. */
    private static float reference(Reference ref, int s, int block, int head, Kind kind, int r, int c) {
        FloatTensor t = ref.tensors().get(kind.outputName(block));
        int[] sh = t.shape();
        int index = kind.perHead() ? ((s * sh[1] + head) * sh[2] + r) * sh[3] + c : (s * sh[1] + r) * sh[2] + c;
        return t.data()[index];
    }

    @ParameterizedTest
    @CsvSource({"mid/reference, false", "mid/reference, true", "mid/reference-short, false"})
    void selectedCellsAreExactlyTheNamedOnesWithPyTorchsValues(String folder, boolean keepMasked) throws Exception {
        Reference ref = Reference.load(Project.models(folder));
        Derived derived = Derived.load(Project.models(folder));
        int length = ref.sequences().get(0).length;
        Selection selection = new Selection(KINDS, IndexList.parse("1,last"), IndexList.parse("0,3"),
                IndexList.parse("0,16,last"), 5, keepMasked);
        List<Sequence> sequences = new ArrayList<>();
        for (int i = 0; i < ref.sequences().size(); i++) {
            sequences.add(new Sequence(Integer.toString(i), ref.sequences().get(i)));
        }
        StringWriter longCsv = new StringWriter();
        StringWriter matrixCsv = new StringWriter();
        try (GTransformer model = GTransformer.load(ref.model())) {
            Extractor extractor = new Extractor(model, selection, BatchPlan.of(3));
            int width = Layouts.matrixWidth(model.info(), KINDS);
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            try (ParallelLongCsv out = new ParallelLongCsv(bytes, model.info(), selection, 2);
                    CsvTableWriter matrix = new CsvTableWriter(matrixCsv, Tables.matrix(width))) {
                extractor.run(SequenceSource.of(sequences), batch -> {
                    out.write(batch);
                    Layouts.writeMatrix(batch, selection, (seq, block, head, kind, row, label, m, cols, n) ->
                        matrix.row(LayoutRows.matrixRow(width, seq, block, head, kind, row, label, m, cols, n)));
                }, Extractor.ProgressListener.NONE, () -> false);
            }
            longCsv.write(bytes.toString(java.nio.charset.StandardCharsets.UTF_8));
        }
        int[] rows = java.util.stream.IntStream.of(0, 16, length - 1).filter(r -> r < length).distinct().toArray();
        List<String> expected = expectedCells(ref, derived, new int[] {1, 5}, new int[] {0, 3}, rows, 5, keepMasked);

        List<CSVRecord> records = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new java.io.StringReader(longCsv.toString())).getRecords();
        List<String> written = new ArrayList<>();
        for (CSVRecord rec : records) {
            int s = Integer.parseInt(rec.get("sequence"));
            int block = Integer.parseInt(rec.get("block"));
            int head = rec.get("head").isEmpty() ? -1 : Integer.parseInt(rec.get("head"));
            Kind kind = Kind.fromContractName(rec.get("kind"));
            int r = Integer.parseInt(rec.get("row"));
            int c = Integer.parseInt(rec.get("col"));
            written.add(s + "," + block + "," + head + "," + kind.contractName() + "," + r + "," + c);
            float want = reference(ref, s, block, Math.max(0, head), kind, r, c);
            float got = Float.parseFloat(rec.get("value"));
            assertTrue(Math.abs(got - want) <= TOLERANCE * Math.max(1, Math.abs(want)), rec + " vs " + want);
            if (kind == Kind.ATTENTION && c > r) {
                assertEquals(0f, got, "a masked cell");
            }
        }
        assertEquals(expected.size(), written.size(), "cells written");
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i), written.get(i), "cell " + i + " in the documented order");
        }

        // the matrix layout: the same rows, the same kept cells, the others empty
        Map<String, CSVRecord> matrixRows = new LinkedHashMap<>();
        for (CSVRecord rec : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new java.io.StringReader(matrixCsv.toString())).getRecords()) {
            matrixRows.put(rec.get("sequence") + "," + rec.get("block") + ","
                    + (rec.get("head").isEmpty() ? "-1" : rec.get("head")) + "," + rec.get("kind") + ","
                    + rec.get("row"), rec);
        }
        long filled = 0;
        for (CSVRecord rec : matrixRows.values()) {
            for (int c = 0; c < 64; c++) {
                filled += rec.get("c" + c).isEmpty() ? 0 : 1;
            }
        }
        assertEquals(expected.size(), filled, "matrix cells kept");
        for (String cell : expected) {
            String[] p = cell.split(",");
            CSVRecord rec = matrixRows.get(String.join(",", p[0], p[1], p[2], p[3], p[4]));
            int s = Integer.parseInt(p[0]);
            float want = reference(ref, s, Integer.parseInt(p[1]), Math.max(0, Integer.parseInt(p[2])),
                    Kind.fromContractName(p[3]), Integer.parseInt(p[4]), Integer.parseInt(p[5]));
            float got = Float.parseFloat(rec.get("c" + p[5]));
            assertTrue(Math.abs(got - want) <= TOLERANCE * Math.max(1, Math.abs(want)), cell);
        }
    }
}
