package org.gtlens.causal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.gtlens.model.ModelException;
import org.gtlens.repr.Extractor;
import org.gtlens.repr.InputException;
import org.gtlens.repr.Sequence;
import org.gtlens.runtime.GTransformer;
import org.gtlens.testing.OnnxBytes;
import org.gtlens.testing.Project;
import org.gtlens.testing.Reference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Head ablation agrees with PyTorch: every metric of every sequence and head against ablation.json, which
 * models/causal.py computed with forward hooks on the PyTorch model (zero and mean ablation; sequences of two lengths
 * pooled for the mean in the second and mid models).
 */
class HeadAblationTest {

    @ParameterizedTest
    @CsvSource({"., zero", "., mean", "second, zero", "second, mean", "mid, zero", "mid, mean", "induction, zero",
        "induction, mean"})
    void everyMetricMatchesPyTorchHooks(String folder, String methodKey) throws Exception {
        Path dir = Project.models(folder);
        JsonObject json = JsonParser.parseString(Files.readString(dir.resolve(folder.equals(".") ? "reference/ablation.json"
                : "ablation.json"))).getAsJsonObject();
        Path base = folder.equals(".") ? dir.resolve("reference") : dir;
        List<Sequence> sequences = new ArrayList<>();
        for (JsonElement source : json.getAsJsonArray("sources")) {
            Path manifest = base.resolve(source.getAsJsonObject().get("reference").getAsString());
            for (int[] tokens : Reference.load(manifest.getParent()).sequences()) {
                sequences.add(new Sequence(Integer.toString(sequences.size()), tokens));
            }
        }
        AblationMethod method = AblationMethod.valueOf(methodKey.toUpperCase(java.util.Locale.ROOT));
        // one row per run (each sequence's plain run and ablations in runs of their own), and runs shared by the
        // rows of several sequences of one length
        for (long budget : new long[] {1, 64L << 20}) {
            List<HeadEffect> got = new ArrayList<>();
            try (GTransformer model = GTransformer.load(base.resolve(json.get("model").getAsString()))) {
                HeadAblation ablation = new HeadAblation(model, method, budget);
                assertEquals(budget == 1, ablation.rowsPerRun(sequences.get(0).length()) == 1);
                ablation.run(sequences, got::add, Extractor.ProgressListener.NONE, () -> false);
            }
            compare(json, methodKey, folder, got);
        }
    }

    private static void compare(JsonObject json, String methodKey, String folder, List<HeadEffect> got) {
        var runs = json.getAsJsonObject("methods").getAsJsonObject(methodKey).getAsJsonArray("runs");
        assertEquals(runs.size(), got.size());
        for (int i = 0; i < runs.size(); i++) {
            JsonObject e = runs.get(i).getAsJsonObject();
            HeadEffect a = got.get(i);
            String where = folder + " " + methodKey + " sequence " + a.sequence() + " block " + a.block() + " head "
                    + a.head();
            assertEquals(e.get("sequence").getAsInt(), a.sequence(), where);
            assertEquals(e.get("block").getAsInt(), a.block(), where);
            assertEquals(e.get("head").getAsInt(), a.head(), where);
            for (EffectMetric metric : EffectMetric.values()) {
                JsonElement want = e.get(metric.key());
                Double have = a.value(metric);
                if (want == null || want.isJsonNull()) {
                    assertNull(have, where + " " + metric.key());
                } else {
                    double w = want.getAsDouble();
                    assertTrue(have != null && Math.abs(have - w) <= 1e-4 * Math.max(1, Math.abs(w)),
                            where + " " + metric.key() + ": PyTorch " + w + ", we " + have);
                }
            }
        }
    }

    @Test
    void meanAblationOfOneSequenceAndAVersionOneModelAreRefusedInOneSentence() throws Exception {
        try (GTransformer model = GTransformer.loadDefault(1)) {
            HeadAblation ablation = new HeadAblation(model, AblationMethod.MEAN, 1 << 20);
            String msg = assertThrows(InputException.class, () -> ablation.run(
                    List.of(new Sequence("a", new int[] {1, 2})), e -> {
                    }, Extractor.ProgressListener.NONE, () -> false)).getMessage();
            assertTrue(msg.contains("at least 2") && msg.contains("has 1"), msg);
            String cancelled = assertThrows(org.gtlens.repr.CancelledException.class, () -> new HeadAblation(model,
                    AblationMethod.ZERO, 1 << 20).run(List.of(new Sequence("a", new int[] {1, 2})), e -> {
                    }, Extractor.ProgressListener.NONE, () -> true)).getMessage();
            assertTrue(cancelled.contains("cancelled"), cancelled);
        }
        // the default model's graph, declared as a version-1 model
        byte[] v1 = OnnxBytes.withMetadata(Files.readAllBytes(Project.models("gtransformer.onnx")), Map.of(
                "gtlens.contract", "1", "gtlens.k", "6", "gtlens.heads", "3", "gtlens.depth", "2", "gtlens.t", "5",
                "gtlens.num_tokens", "10"));
        try (GTransformer model = GTransformer.load(v1, "old.onnx", 1)) {
            String msg = assertThrows(ModelException.class, () -> new HeadAblation(model, AblationMethod.ZERO, 1))
                    .getMessage();
            assertTrue(msg.startsWith("Model old.onnx follows contract version 1") && msg.contains("export"), msg);
        }
    }
}
