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

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.gtlens.model.ModelException;
import org.gtlens.repr.Extractor;
import org.gtlens.repr.IndexList;
import org.gtlens.repr.InputException;
import org.gtlens.runtime.GTransformer;
import org.gtlens.testing.OnnxBytes;
import org.gtlens.testing.Project;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Activation patching agrees with PyTorch: every patched value of every pair and site against patching.json, which
 * models/causal.py computed with forward hooks on the PyTorch model (answers chosen by default and given; a pair that
 * does not separate; pairs of several lengths), within the contract's tolerance.
 */
class ActivationPatchingTest {

    static List<PatchPair> pairs(JsonObject reference) {
        List<PatchPair> pairs = new ArrayList<>();
        for (JsonElement e : reference.getAsJsonArray("pairs")) {
            JsonObject p = e.getAsJsonObject();
            pairs.add(new PatchPair(Integer.toString(pairs.size()), ints(p.getAsJsonArray("clean")),
                    ints(p.getAsJsonArray("corrupted")), integer(p.get("answer")), integer(p.get("wrong")),
                    p.get("group") == null || p.get("group").isJsonNull() ? null : p.get("group").getAsString()));
        }
        return pairs;
    }

    static int[] ints(JsonArray a) {
        int[] v = new int[a.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = a.get(i).getAsInt();
        }
        return v;
    }

    static Integer integer(JsonElement e) {
        return e == null || e.isJsonNull() ? null : e.getAsInt();
    }

    @ParameterizedTest
    @ValueSource(strings = {"reference", "second", "mid", "induction"})
    void everyPatchedValueMatchesPyTorchHooks(String folder) throws Exception {
        Path dir = Project.models(folder);
        JsonObject json = JsonParser.parseString(Files.readString(dir.resolve("patching.json"))).getAsJsonObject();
        List<PatchPair> pairs = pairs(json);
        List<PairOutcome> outcomes = new ArrayList<>();
        List<PatchedValue> values = new ArrayList<>();
        try (GTransformer model = GTransformer.load(dir.resolve(json.get("model").getAsString()))) {
            // copies per run capped at 3: the sites of one pair take several batches
            new ActivationPatching(model, List.of(PatchSite.values()), IndexList.ALL, IndexList.ALL, IndexList.ALL,
                    64L << 20, 3).run(pairs, new ActivationPatching.PatchSink() {
                        @Override
                        public void pair(PatchPair pair, PairOutcome outcome) {
                            outcomes.add(outcome);
                        }

                        @Override
                        public void patched(PatchedValue value) {
                            values.add(value);
                        }
                    }, Extractor.ProgressListener.NONE, () -> false);
        }
        int at = 0;
        JsonArray reference = json.getAsJsonArray("pairs");
        assertEquals(reference.size(), outcomes.size());
        for (int i = 0; i < reference.size(); i++) {
            JsonObject p = reference.get(i).getAsJsonObject();
            PairOutcome o = outcomes.get(i);
            assertEquals(p.get("chosen_answer").getAsInt(), o.answer(), folder + " pair " + i + " answer");
            assertEquals(p.get("chosen_wrong").getAsInt(), o.wrong(), folder + " pair " + i + " wrong");
            close(p.get("clean_metric").getAsDouble(), o.cleanMetric(), 1e-4, folder + " pair " + i + " clean");
            close(p.get("corrupted_metric").getAsDouble(), o.corruptedMetric(), 1e-4, folder + " pair " + i
                    + " corrupted");
            double spread = Math.abs(p.get("clean_metric").getAsDouble() - p.get("corrupted_metric").getAsDouble());
            for (JsonElement e : p.getAsJsonArray("patched")) {
                JsonObject r = e.getAsJsonObject();
                PatchedValue v = values.get(at++);
                String where = folder + " pair " + i + " " + r;
                assertEquals(i, v.pair(), where);
                assertEquals(r.get("site").getAsString(), v.site().key(), where);
                assertEquals(r.get("block").getAsInt(), v.block(), where);
                assertEquals(r.get("head").isJsonNull() ? -1 : r.get("head").getAsInt(), v.head(), where);
                assertEquals(r.get("position").isJsonNull() ? -1 : r.get("position").getAsInt(), v.position(), where);
                if (r.get("value").isJsonNull()) {
                    assertNull(v.value(), where);
                } else {
                    assertTrue(v.value() != null && Math.abs(v.value() - r.get("value").getAsDouble())
                            <= 1e-4 + 3e-4 / spread, where + ": we " + v.value());
                }
            }
        }
        assertEquals(at, values.size());
    }

    private static void close(double want, double have, double tolerance, String what) {
        assertTrue(Math.abs(have - want) <= tolerance * Math.max(1, Math.abs(want)), what + ": PyTorch " + want
                + ", we " + have);
    }

    /** The contract's properties at the residual stream entering block 0 (the embedding). */
    @Test
    void atBlockZeroASharedTokenRestoresNothingAndTheOnlyChangedOneEverything() throws Exception {
        try (GTransformer model = GTransformer.loadDefault(1)) {
            List<PatchedValue> values = new ArrayList<>();
            new ActivationPatching(model, List.of(PatchSite.RESID), IndexList.parse("0"), IndexList.ALL,
                    IndexList.ALL, 1 << 20, 256).run(List.of(new PatchPair("p", new int[] {4, 5, 5, 5, 4},
                            new int[] {4, 5, 6, 5, 4}, null, null, null)), new ActivationPatching.PatchSink() {
                                @Override
                                public void pair(PatchPair pair, PairOutcome outcome) {
                                    assertTrue(outcome.separates());
                                }

                                @Override
                                public void patched(PatchedValue value) {
                                    values.add(value);
                                }
                            }, Extractor.ProgressListener.NONE, () -> false);
            assertEquals(5, values.size());
            for (PatchedValue v : values) {
                assertEquals(v.position() == 2 ? 1.0 : 0.0, v.value(), 1e-5, "position " + v.position());
            }
        }
    }

    @Test
    void unequalLengthsBadAnswersAndVersionOneModelsAreOneSentence() throws Exception {
        ActivationPatching.PatchSink none = new ActivationPatching.PatchSink() {
            @Override
            public void pair(PatchPair pair, PairOutcome outcome) {
            }

            @Override
            public void patched(PatchedValue value) {
            }
        };
        try (GTransformer model = GTransformer.loadDefault(1)) {
            ActivationPatching patching = new ActivationPatching(model, 1 << 20);
            String msg = assertThrows(InputException.class, () -> patching.run(List.of(new PatchPair("7",
                    new int[] {1, 2, 3}, new int[] {1, 2}, null, null, null)), none, Extractor.ProgressListener.NONE,
                    () -> false)).getMessage();
            assertEquals("Pair 7 has a clean sequence of 3 tokens and a corrupted one of 2; patching needs equal "
                    + "lengths.", msg);
            msg = assertThrows(InputException.class, () -> patching.run(List.of(new PatchPair("8",
                    new int[] {1, 2}, new int[] {1, 3}, 12, null, null)), none, Extractor.ProgressListener.NONE,
                    () -> false)).getMessage();
            assertTrue(msg.contains("Pair 8 names token 12 as its answer"), msg);
        }
        byte[] v1 = OnnxBytes.withMetadata(Files.readAllBytes(Project.models("gtransformer.onnx")), Map.of(
                "gtlens.contract", "1", "gtlens.k", "6", "gtlens.heads", "3", "gtlens.depth", "2", "gtlens.t", "5",
                "gtlens.num_tokens", "10"));
        try (GTransformer model = GTransformer.load(v1, "old.onnx", 1)) {
            String msg = assertThrows(ModelException.class, () -> new ActivationPatching(model, 1)).getMessage();
            assertTrue(msg.startsWith("Model old.onnx follows contract version 1") && msg.contains("to patch"), msg);
        }
    }
}
