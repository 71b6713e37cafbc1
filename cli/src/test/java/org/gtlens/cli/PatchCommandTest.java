package org.gtlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.gtlens.testing.Project;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gtlens patch} end to end on the toy task's reference pairs (answers chosen and given, groups, a pair that does
 * not separate), read from a CSV: every table against what models/causal.py computed with hooks on PyTorch.
 */
class PatchCommandTest {

    @TempDir
    Path dir;

    private JsonObject reference;
    private Path input;

    @BeforeEach
    void pairsAsCsv() throws Exception {
        reference = JsonParser.parseString(Files.readString(Project.models("reference/patching.json")))
                .getAsJsonObject();
        StringBuilder csv = new StringBuilder("clean,corrupted,answer,wrong,group\n");
        for (JsonElement e : reference.getAsJsonArray("pairs")) {
            JsonObject p = e.getAsJsonObject();
            csv.append('"').append(text(p.getAsJsonArray("clean"))).append("\",\"")
                    .append(text(p.getAsJsonArray("corrupted"))).append("\",").append(cell(p.get("answer")))
                    .append(',').append(cell(p.get("wrong"))).append(',').append(cell(p.get("group"))).append('\n');
        }
        input = Files.writeString(dir.resolve("pairs.csv"), csv);
    }

    private static String text(JsonArray a) {
        StringBuilder b = new StringBuilder();
        for (JsonElement e : a) {
            b.append(b.length() == 0 ? "" : ",").append(e.getAsInt());
        }
        return b.toString();
    }

    private static String cell(JsonElement e) {
        return e == null || e.isJsonNull() ? "" : e.getAsString();
    }

    private CliRun patch(Path out, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("patch", "--input", input.toString(), "--clean-column",
                "clean", "--corrupted-column", "corrupted", "--answer-column", "answer", "--wrong-column", "wrong",
                "--batch", "5", "--out", out.toString()));
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(new String[0]));
    }

    @Test
    void everyPairsValuesAndMetricsMatchPyTorch() throws Exception {
        Path out = dir.resolve("per-pair");
        CliRun run = patch(out);
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.err().contains("pair 9 does not separate"), run.err());
        assertTrue(Files.exists(out.resolve("patching_resid.png")) && Files.exists(out.resolve("patching_head.png")));
        List<String> pairs = Files.readAllLines(out.resolve(PatchCommand.PAIRS));
        assertEquals("pair,clean_tokens,corrupted_tokens,answer,answer_label,wrong,wrong_label,clean_metric,"
                + "corrupted_metric", pairs.get(0));
        Map<String, String> values = new HashMap<>();
        List<String> lines = Files.readAllLines(out.resolve(PatchCommand.TABLE));
        assertEquals("pair,site,block,head,position,value", lines.get(0));
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",", -1);
            values.put(c[0] + "/" + c[1] + "/" + c[2] + "/" + c[3] + "/" + c[4], c[5]);
        }
        JsonArray ref = reference.getAsJsonArray("pairs");
        int compared = 0;
        for (int i = 0; i < ref.size(); i++) {
            JsonObject p = ref.get(i).getAsJsonObject();
            String[] row = pairs.get(i + 1).split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", -1);
            assertEquals(p.get("chosen_answer").getAsString(), row[3], "pair " + i + " answer");
            assertEquals(p.get("chosen_wrong").getAsString(), row[5], "pair " + i + " wrong");
            close(p.get("clean_metric").getAsDouble(), Double.parseDouble(row[7]), 1e-4, "pair " + i);
            double spread = Math.abs(p.get("clean_metric").getAsDouble() - p.get("corrupted_metric").getAsDouble());
            for (JsonElement e : p.getAsJsonArray("patched")) {
                JsonObject r = e.getAsJsonObject();
                String key = i + "/" + r.get("site").getAsString() + "/" + r.get("block").getAsInt() + "/"
                        + cell(r.get("head")) + "/" + cell(r.get("position"));
                String have = values.get(key);
                if (r.get("value").isJsonNull()) {
                    assertEquals("", have, key);
                } else {
                    close(r.get("value").getAsDouble(), Double.parseDouble(have), 1e-4 + 3e-4 / spread, key);
                }
                compared++;
            }
        }
        assertEquals(lines.size() - 1, compared, "every value the reference has, and no other");
    }

    @Test
    void groupStatisticsMatchPyTorch() throws Exception {
        Path out = dir.resolve("groups");
        CliRun run = patch(out, "--aggregate", "mean", "--group-column", "group");
        assertEquals(0, run.exit(), run.err());
        Map<String, String[]> got = new HashMap<>();
        List<String> lines = Files.readAllLines(out.resolve(PatchCommand.TABLE));
        assertEquals("group,site,block,head,position,count,mean,std", lines.get(0));
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",", -1);
            got.put(c[0] + "/" + c[1] + "/" + c[2] + "/" + c[3] + "/" + c[4], c);
        }
        int compared = 0;
        for (JsonElement e : reference.getAsJsonArray("groups")) {
            JsonObject g = e.getAsJsonObject();
            String key = g.get("group").getAsString() + "/" + g.get("site").getAsString() + "/"
                    + g.get("block").getAsInt() + "/" + cell(g.get("head")) + "/" + cell(g.get("position"));
            String[] c = got.get(key);
            assertEquals(g.get("count").getAsString(), c[5], key);
            // group statistics: the tolerance of the group's least separated pair, 1e-4 + 3e-4 / 1 at most
            close(g.get("mean").getAsDouble(), Double.parseDouble(c[6]), 4e-4, key + " mean");
            if (!g.get("std").isJsonNull()) {
                close(g.get("std").getAsDouble(), Double.parseDouble(c[7]), 4e-4, key + " std");
            }
            compared++;
        }
        assertTrue(compared > 0);
        for (String key : got.keySet()) {
            assertTrue(key.startsWith("palindrome/") || key.startsWith("cycle/") || key.startsWith("(missing)/"), key);
        }
    }

    private static void close(double want, double have, double tolerance, String what) {
        assertTrue(Math.abs(have - want) <= tolerance * Math.max(1, Math.abs(want)), what + ": PyTorch " + want
                + ", we " + have);
    }

    @Test
    void badPairsAreOneSentence() throws Exception {
        CliRun run = CliRun.of("patch", "--clean", "4,5,5,5,4", "--corrupted", "4,5,6", "--out",
                dir.resolve("o").toString());
        assertEquals(1, run.exit());
        assertTrue(run.errorLine().contains("Pair 0 has a clean sequence of 5 tokens and a corrupted one of 3"),
                run.err());
        assertFalse(Files.exists(dir.resolve("o").resolve(PatchCommand.TABLE)));
        run = CliRun.of("patch", "--input", input.toString(), "--clean-column", "clean", "--corrupted-column", "bad",
                "--out", dir.resolve("o").toString());
        assertTrue(run.errorLine().contains("has no corrupted column 'bad' (columns: clean, corrupted, answer, wrong, "
                + "group)"), run.err());
        run = CliRun.of("patch", "--clean", "4,5", "--corrupted", "4,6", "--sites", "mlp", "--out",
                dir.resolve("o").toString());
        assertTrue(run.errorLine().contains("'mlp' is not a site; choose resid or head"), run.err());
    }
}
