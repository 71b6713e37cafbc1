package org.gtlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.apache.commons.csv.CSVRecord;
import org.gtlens.testing.Project;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What GT Lens must find on the built-in induction model, through the command line on the README's example tables:
 * the previous-token head and the induction head by their scores, by ablation and by patching, with the numbers
 * PyTorch gives (models/induction/expected.json, computed with PyTorch's own attention and hooks).
 */
class InductionModelTest {

    @TempDir
    static Path dir;

    private static JsonObject expected;

    @BeforeAll
    static void expected() throws Exception {
        expected = JsonParser.parseString(Files.readString(Project.models("induction/expected.json")))
                .getAsJsonObject();
    }

    private static Path example(String name) {
        return Project.root().resolve("docs/examples").resolve(name);
    }

    private static double mean(List<CSVRecord> rows, String keyColumn, String key, int block, int head) {
        return rows.stream().filter(r -> r.get(keyColumn).equals(key) && r.get("block").equals(Integer.toString(block))
                && r.get("head").equals(Integer.toString(head))).mapToDouble(r -> Double.parseDouble(r.get("mean")))
                .findFirst().orElseThrow();
    }

    @Test
    void headScoresPointAtThePreviousTokenHeadAndTheInductionHead() throws Exception {
        Path out = dir.resolve("scores");
        CliRun run = CliRun.of("extract", "--model", "induction", "--input", example("induction_repeats.csv").toString(),
                "--column", "tokens", "--aggregate", "mean", "--summary", "--kinds", "attention", "--out",
                out.toString());
        assertEquals(0, run.exit(), run.err());
        List<CSVRecord> rows = CsvRecords.read(out.resolve("head_scores.csv"));
        for (String score : List.of("previous_token", "induction")) {
            int[] best = score.equals("previous_token") ? new int[] {0, 2} : new int[] {1, 1};
            JsonArray want = expected.getAsJsonObject("head_scores").getAsJsonArray(score);
            double top = mean(rows, "score", score, best[0], best[1]);
            for (int b = 0; b < 2; b++) {
                for (int h = 0; h < 4; h++) {
                    double v = mean(rows, "score", score, b, h);
                    assertEquals(want.get(b).getAsJsonArray().get(h).getAsDouble(), v, 1e-4, score + " " + b + "." + h);
                    if (b != best[0] || h != best[1]) {
                        assertTrue(top > 4 * v, score + ": head " + best[0] + "." + best[1] + " (" + top
                                + ") far above " + b + "." + h + " (" + v + ")");
                    }
                }
            }
        }
    }

    @Test
    void ablatingEitherHeadOfTheCircuitRaisesTheLossFarMoreThanAnyOther() throws Exception {
        for (String method : List.of("zero", "mean")) {
            Path out = dir.resolve("ablate-" + method);
            CliRun run = CliRun.of("ablate", "--model", "induction", "--input",
                    example("induction_repeats.csv").toString(), "--column", "tokens", "--aggregate", "mean",
                    "--method", method, "--out", out.toString());
            assertEquals(0, run.exit(), run.err());
            List<CSVRecord> rows = CsvRecords.read(out.resolve(AblateCommand.TABLE));
            for (var e : expected.getAsJsonObject("ablation").getAsJsonArray("heads")) {
                JsonObject h = e.getAsJsonObject();
                int b = h.get("block").getAsInt();
                int head = h.get("head").getAsInt();
                double have = mean(rows, "metric", "loss_increase", b, head);
                double want = h.getAsJsonObject(method).get("loss_increase").getAsDouble();
                assertEquals(want, have, 1e-4 * Math.max(1, Math.abs(want)), method + " " + b + "." + head);
                boolean circuit = b == 0 && head == 2 || b == 1 && head == 1;
                assertTrue(circuit ? have > 1 : Math.abs(have) < 0.05, method + " " + b + "." + head + ": " + have);
            }
        }
    }

    @Test
    void patchingFollowsTheChangedTokenThroughBothHeads() throws Exception {
        Path out = dir.resolve("patch");
        CliRun run = CliRun.of("patch", "--model", "induction", "--input", example("induction_pairs.csv").toString(),
                "--clean-column", "clean", "--corrupted-column", "corrupted", "--aggregate", "mean", "--out",
                out.toString());
        assertEquals(0, run.exit(), run.err());
        List<CSVRecord> rows = CsvRecords.read(out.resolve(PatchCommand.TABLE));
        assertEquals(expected.getAsJsonObject("patching").getAsJsonArray("sites").size(), rows.size());
        for (CSVRecord r : rows) {
            String site = r.get("site") + " " + r.get("block") + "." + (r.get("site").equals("head") ? r.get("head")
                    : r.get("position"));
            double v = Double.parseDouble(r.get("mean"));
            boolean path = List.of("resid 0.7", "head 0.2", "resid 1.8", "head 1.1").contains(site);
            assertTrue(path ? v > 0.99 : Math.abs(v) < 0.02, site + ": " + v);
        }
    }
}
