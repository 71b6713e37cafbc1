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
import org.gtlens.testing.Reference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code gtlens ablate} end to end: the toy task's 64 labelled reference sequences through a CSV with their class,
 * and the summary per class equals what models/causal.py computed with hooks on the PyTorch model.
 */
class AblateCommandTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"zero", "mean"})
    void summaryPerClassMatchesPyTorch(String method) throws Exception {
        Path ref = Project.models("reference");
        List<int[]> sequences = Reference.load(ref).sequences();
        JsonArray labels = JsonParser.parseString(Files.readString(ref.resolve("groups.json"))).getAsJsonObject()
                .getAsJsonArray("groups");
        StringBuilder csv = new StringBuilder("tokens,class\n");
        for (int i = 0; i < sequences.size(); i++) {
            StringBuilder tokens = new StringBuilder();
            for (int t : sequences.get(i)) {
                tokens.append(tokens.length() == 0 ? "" : " ").append(t);
            }
            csv.append(tokens).append(',').append(labels.get(i).getAsString()).append('\n');
        }
        Path input = Files.writeString(dir.resolve("toy.csv"), csv);
        Path out = dir.resolve("out");
        CliRun run = CliRun.of("ablate", "--input", input.toString(), "--column", "tokens", "--group-column", "class",
                "--aggregate", "mean", "--method", method, "--batch", "4", "--out", out.toString());
        assertEquals(0, run.exit(), run.err());
        assertTrue(Files.exists(out.resolve("head_ablation.png")));

        Map<String, String[]> got = new HashMap<>();
        List<String> lines = Files.readAllLines(out.resolve(AblateCommand.TABLE));
        assertEquals("group,block,head,metric,count,mean,std", lines.get(0));
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",", -1);
            got.put(c[0] + "/" + c[1] + "/" + c[2] + "/" + c[3], c);
        }
        JsonArray groups = JsonParser.parseString(Files.readString(ref.resolve("ablation.json"))).getAsJsonObject()
                .getAsJsonObject("methods").getAsJsonObject(method).getAsJsonArray("groups");
        assertEquals(groups.size(), got.size(), "one row per class, block, head and metric");
        for (JsonElement g : groups) {
            JsonObject e = g.getAsJsonObject();
            String key = e.get("group").getAsString() + "/" + e.get("block").getAsInt() + "/" + e.get("head").getAsInt()
                    + "/" + e.get("metric").getAsString();
            String[] c = got.get(key);
            assertEquals(e.get("count").getAsInt(), Integer.parseInt(c[4]), key);
            close(e.get("mean"), c[5], key + " mean");
            close(e.get("std"), c[6], key + " std");
        }
    }

    /** Every sequence's effects of a subset of heads, against the reference runs of those heads. */
    @Test
    void chosenHeadsPerSequenceMatchPyTorch() throws Exception {
        Path ref = Project.models("second/reference");
        List<int[]> sequences = Reference.load(ref).sequences();
        StringBuilder csv = new StringBuilder("tokens\n");
        for (int[] s : sequences) {
            StringBuilder tokens = new StringBuilder();
            for (int t : s) {
                tokens.append(tokens.length() == 0 ? "" : " ").append(t);
            }
            csv.append(tokens).append('\n');
        }
        Path input = Files.writeString(dir.resolve("second.csv"), csv);
        Path out = dir.resolve("subset");
        CliRun run = CliRun.of("ablate", "--model", Project.models("second/second.onnx").toString(), "--input",
                input.toString(), "--blocks", "1-2", "--heads", "1", "--out", out.toString());
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("Ablated 2 heads on 32 sequences"), run.out());
        List<String> lines = Files.readAllLines(out.resolve(AblateCommand.TABLE));
        assertEquals("sequence,block,head,metric,value", lines.get(0));
        assertEquals(1 + 32 * 2 * 3, lines.size(), "a row per sequence, chosen head and metric");
        Map<String, String> got = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",", -1);
            got.put(c[0] + "/" + c[1] + "/" + c[2] + "/" + c[3], c[4]);
        }
        int compared = 0;
        // second/ablation.json numbers the 32 sequences of reference/ first; the CSV reader numbers data rows from 0
        for (JsonElement r : JsonParser.parseString(Files.readString(Project.models("second/ablation.json")))
                .getAsJsonObject().getAsJsonObject("methods").getAsJsonObject("zero").getAsJsonArray("runs")) {
            JsonObject e = r.getAsJsonObject();
            int seq = e.get("sequence").getAsInt();
            int block = e.get("block").getAsInt();
            int head = e.get("head").getAsInt();
            if (seq >= 32 || head != 1 || block < 1) {
                continue;
            }
            for (String metric : List.of("loss_increase", "logprob_change", "kl")) {
                String key = seq + "/" + block + "/" + head + "/" + metric;
                close(e.get(metric), got.get(key), key);
                compared++;
            }
        }
        assertEquals(32 * 2 * 3, compared);
    }

    private static void close(JsonElement want, String have, String what) {
        if (want == null || want.isJsonNull()) {
            assertTrue(have.isEmpty(), what + ": missing in PyTorch, we " + have);
            return;
        }
        double w = want.getAsDouble();
        assertFalse(have.isEmpty(), what + " missing");
        assertTrue(Math.abs(Double.parseDouble(have) - w) <= 1e-4 * Math.max(1, Math.abs(w)),
                what + ": PyTorch " + w + ", we " + have);
    }

    @Test
    void badChoicesAreOneSentence() throws Exception {
        CliRun run = CliRun.of("ablate", "--tokens", "4,5,6", "--method", "mean", "--out", dir.resolve("o").toString());
        assertEquals(1, run.exit());
        assertTrue(run.errorLine().contains("at least 2"), run.err());
        assertFalse(Files.exists(dir.resolve("o").resolve(AblateCommand.TABLE)), "nothing half-written is left");
        run = CliRun.of("ablate", "--tokens", "4,5,6", "--heads", "3", "--out", dir.resolve("o").toString());
        assertTrue(run.errorLine().contains("head 3 does not exist: the model has 3 heads per block (0..2)"),
                run.err());
        run = CliRun.of("ablate", "--tokens", "4,5,6", "--method", "half", "--out", dir.resolve("o").toString());
        assertTrue(run.errorLine().contains("'half' is not a method; choose zero or mean"), run.err());
        run = CliRun.of("ablate", "--tokens", "4,5,11", "--out", dir.resolve("o").toString());
        assertTrue(run.errorLine().contains("11"), run.err());
    }
}
