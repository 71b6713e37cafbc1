package org.gtlens.csv.output;

import org.gtlens.run.TableJob;
import org.gtlens.testing.CsvRuns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.gtlens.runtime.GTransformer;
import org.gtlens.model.Kind;
import org.gtlens.repr.BatchPlan;
import org.gtlens.repr.Selection;
import org.gtlens.testing.Derived;
import org.gtlens.testing.Project;
import org.gtlens.testing.Reference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.gtlens.csv.input.SequenceCsvReader;
import org.gtlens.table.Layout;
import org.gtlens.table.Tables;

/**
 * Group means of the command line's one-pass aggregation against torch.mean over each group's sequences, and counts,
 * means and standard deviations over sequences of two lengths against numpy (models/derived.py).
 */
class AggregationReferenceTest {

    @TempDir
    Path dir;

    private static List<CSVRecord> read(Path file) throws Exception {
        try (Reader r = Files.newBufferedReader(file)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
        }
    }

    private static void close(double expected, String actual, String what) {
        double a = Double.parseDouble(actual);
        assertTrue(Math.abs(expected - a) <= 1e-4 * Math.max(1, Math.abs(expected)), what + ": " + expected + " vs "
            + actual);
    }

    /** The index of a cell in a tensor of one sequence ([h, L, c] or [L, c]). */
    private static int cell(int[] shape, String head, int row, int col) {
        return shape.length == 3 ? (Integer.parseInt(head) * shape[1] + row) * shape[2] + col : row * shape[1] + col;
    }

    private static String tensorName(CSVRecord r) {
        return "block" + r.get("block") + "." + r.get("kind");
    }

    @Test
    void groupMeansEqualTorchMeanOverEachGroup() throws Exception {
        Reference ref = Reference.load(Project.models("reference"));
        Path folder = Project.models("reference");
        JsonObject groups = JsonParser.parseString(Files.readString(folder.resolve("groups.json"))).getAsJsonObject();
        JsonArray labels = groups.getAsJsonArray("groups");
        StringBuilder csv = new StringBuilder("sequence,class\n");
        for (int i = 0; i < ref.sequences().size(); i++) {
            StringBuilder t = new StringBuilder();
            for (int v : ref.sequences().get(i)) {
                t.append(t.length() == 0 ? "" : " ").append(v);
            }
            csv.append('"').append(t).append("\",").append(labels.get(i).getAsString()).append('\n');
        }
        Path input = Files.writeString(dir.resolve("in.csv"), csv);
        Set<Kind> kinds = EnumSet.copyOf(Kind.contract());
        kinds.add(Kind.ROLLOUT);
        try (GTransformer model = GTransformer.loadDefault(1);
                SequenceCsvReader reader = new SequenceCsvReader(input, "sequence", "class")) {
            CsvRuns.write(model, new TableJob(Selection.all(kinds), BatchPlan.of(7), Layout.LONG, true,
                CsvRuns.outputs(false)), reader::nextItem, dir);
        }
        Map<String, float[]> means = new HashMap<>();
        Map<String, float[]> stds = new HashMap<>();
        Map<String, int[]> shapes = new HashMap<>();
        Derived.readTensors(folder, groups.getAsJsonObject("means"), "", means, new HashMap<>(), shapes);
        Derived.readTensors(folder, groups.getAsJsonObject("stds"), "", stds, new HashMap<>(), new HashMap<>());
        List<CSVRecord> rows = read(dir.resolve(CsvTables.REPRESENTATIONS));
        long cellsPerGroup = 0;
        for (Kind k : kinds) {
            cellsPerGroup += 2L * k.valuesPerBlock(model5(), 5);
        }
        assertEquals(6 * cellsPerGroup, rows.size(), "every cell of every group");
        for (CSVRecord r : rows) {
            boolean rollout = r.get("kind").equals("rollout");
            String name = r.get("group") + "/" + (rollout ? "rollout" : tensorName(r));
            int[] shape = shapes.get(name);
            // rollout is one tensor over the blocks: [depth, L, L]
            int at = rollout ? cell(shape, r.get("block"), Integer.parseInt(r.get("row")), Integer.parseInt(r.get("col")))
                : cell(shape, r.get("head"), Integer.parseInt(r.get("row")), Integer.parseInt(r.get("col")));
            assertEquals(groups.getAsJsonObject("counts").get(r.get("group")).getAsInt(),
                Integer.parseInt(r.get("count")), name);
            close(means.get(name)[at], r.get("mean"), name + " mean");
            close(stds.get(name)[at], r.get("std"), name + " std");
            assertTrue(r.get("row_label").matches("(Out|Pos) \\d+"), r.get("row_label"));
        }
    }

    private static org.gtlens.model.ModelInfo model5() throws Exception {
        try (GTransformer m = GTransformer.loadDefault(1)) {
            return m.info();
        }
    }

    @Test
    void sequencesOfTwoLengthsCountOnlyTheCellsTheyHave() throws Exception {
        Reference longer = Reference.load(Project.models("second/reference"));
        Reference shorter = Reference.load(Project.models("second/reference-short"));
        Derived mixed = Derived.load(Project.models("second"), "mixed.json");
        StringBuilder csv = new StringBuilder("sequence\n");
        for (Reference ref : List.of(longer, shorter)) {
            for (int[] s : ref.sequences()) {
                StringBuilder t = new StringBuilder();
                for (int v : s) {
                    t.append(t.length() == 0 ? "" : ",").append(v);
                }
                csv.append('"').append(t).append("\"\n");
            }
        }
        Path input = Files.writeString(dir.resolve("mixed.csv"), csv);
        for (boolean keepMasked : new boolean[] {true, false}) {
            Path out = Files.createDirectories(dir.resolve("out" + keepMasked));
            try (GTransformer model = GTransformer.load(longer.model());
                    SequenceCsvReader reader = new SequenceCsvReader(input, null)) {
                CsvRuns.write(model, new TableJob(Selection.all(Kind.contract()).withKeepMasked(keepMasked),
                    BatchPlan.of(5), Layout.LONG, true, CsvRuns.outputs(true)), reader::nextItem, out);
            }
            int counted = 0;
            for (CSVRecord r : read(out.resolve(CsvTables.REPRESENTATIONS))) {
                assertEquals(Tables.ALL_GROUP, r.get("group"));
                String name = tensorName(r);
                int[] shape = mixed.shapes().get(name + "/count");
                int at = cell(shape, r.get("head"), Integer.parseInt(r.get("row")), Integer.parseInt(r.get("col")));
                int count = mixed.ints().get(name + "/count")[at];
                assertEquals(count, Integer.parseInt(r.get("count")), name);
                close(mixed.floats().get(name + "/mean")[at], r.get("mean"), name + " mean");
                close(mixed.floats().get(name + "/std")[at], r.get("std"), name + " std");
                if (!keepMasked && r.get("kind").equals("attention")) {
                    assertTrue(Integer.parseInt(r.get("col")) <= Integer.parseInt(r.get("row")));
                }
                counted++;
            }
            // [h, 7, 7] attention has 49 cells a head (28 on or below the diagonal); the rest do not depend on length
            int depth = 3;
            int perBlock = 2 * (keepMasked ? 49 : 28) + 3 * 2 * 7 * 4 + 7 * 8 + 7 * 12;
            assertEquals(depth * perBlock, counted);
            // the summaries of the same run: every head score of every block and head, 40 sequences each
            List<CSVRecord> heads = read(out.resolve(CsvTables.HEAD_SCORES));
            assertEquals(depth * 2 * org.gtlens.analysis.HeadScore.values().length, heads.size());
            assertEquals("40", heads.get(0).get("count"));
        }
    }

    @Test
    void aggregatingTopKOrTheMatrixLayoutIsRefusedInWords() throws Exception {
        try (GTransformer model = GTransformer.loadDefault(1)) {
            String m = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new TableJob(Selection.all(Kind.contract()).withTopK(3), BatchPlan.of(4), Layout.LONG,
                    true, CsvRuns.outputs(false))).getMessage();
            assertTrue(m.contains("top-k keeps different tokens for each sequence"), m);
            m = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new TableJob(Selection.all(Kind.contract()), BatchPlan.of(4), Layout.MATRIX, true,
                    CsvRuns.outputs(false))).getMessage();
            assertEquals("aggregated tables come in the long layout only", m);
        }
    }
}
