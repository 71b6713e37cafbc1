package org.gtlens.repr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.gtlens.model.ContractChecker;
import org.gtlens.model.Interventions;
import org.gtlens.runtime.FloatTensor;
import org.gtlens.runtime.GTransformer;
import org.gtlens.model.Kind;
import org.gtlens.model.ModelInfo;
import org.gtlens.testing.Project;
import org.gtlens.testing.Reference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every tensor ONNX Runtime gives us matches PyTorch's own, for the default model and for a differently shaped one. */
class ReferenceComparisonTest {

    /**
     * Absolute for values of magnitude up to 1 (attention, probabilities, most activations); relative beyond, since
     * a log-probability of -44 carries float32 rounding of a few 1e-6 per operation whichever library computes it.
     */
    private static final float TOLERANCE = 1e-4f;

    /** Batch 7 runs mostly the generic session; batch 1 runs 64 times, mostly through a shape-specialized one. */
    @ParameterizedTest
    @CsvSource({"reference, 7", "reference, 1", "second/reference, 7", "second/reference, 1",
        "second/reference-short, 3"})
    void everyTensorMatchesPyTorch(String folder, int batchSize) throws Exception {
        Reference ref = Reference.load(Project.models(folder));
        try (GTransformer model = GTransformer.load(ref.model())) {
            ModelInfo info = model.info();
            assertEquals(ref.config().get("depth").getAsInt(), info.depth());
            assertEquals(ref.config().get("heads").getAsInt(), info.heads());
            assertEquals(ref.config().get("k").getAsInt(), info.k());
            assertEquals(ref.config().get("num_tokens").getAsInt(), info.numTokens());
            List<String> causal = new ArrayList<>();
            if (info.takesInterventions()) {
                causal.add(Interventions.EMBEDDING);
                for (int i = 0; i < info.depth(); i++) {
                    causal.add(Interventions.z(i));
                }
            }
            assertEquals(ContractChecker.outputNames(info.depth()).size() + causal.size(), ref.tensors().size(),
                    "the reference holds every contract tensor");

            List<Sequence> sequences = new ArrayList<>();
            for (int i = 0; i < ref.sequences().size(); i++) {
                sequences.add(new Sequence(Integer.toString(i), ref.sequences().get(i)));
            }
            Map<String, float[]> got = new HashMap<>();
            Map<String, int[]> shapes = new HashMap<>();
            Extractor extractor = new Extractor(model, EnumSet.copyOf(Kind.contract()), batchSize);
            extractor.run(SequenceSource.of(sequences), batch -> {
                for (String name : ContractChecker.outputNames(info.depth())) {
                    FloatTensor t = batch.tensor(name);
                    float[] acc = got.get(name);
                    float[] merged = concat(acc == null ? new float[0] : acc, t.data()); // batches are reused
                    got.put(name, merged);
                    shapes.put(name, t.shape());
                }
            }, Extractor.ProgressListener.NONE, () -> false);
            for (int from = 0; from < sequences.size(); from += batchSize) {
                // embedding and z through plain runs (neutral interventions), the batches the extractor used
                int to = Math.min(sequences.size(), from + batchSize);
                int length = sequences.get(from).length();
                long[] tokens = new long[(to - from) * length];
                for (int s = from; s < to; s++) {
                    for (int p = 0; p < length; p++) {
                        tokens[(s - from) * length + p] = sequences.get(s).tokens()[p];
                    }
                }
                Map<String, FloatTensor> run = model.run(tokens, to - from, length, causal);
                for (String name : causal) {
                    float[] acc = got.get(name);
                    got.put(name, concat(acc == null ? new float[0] : acc, run.get(name).data()));
                    shapes.put(name, run.get(name).shape());
                }
            }
            if (batchSize == 1) {
                assertTrue(model.specializedSessions() > 0, "repeated batch shapes got a specialized session");
            }

            for (Map.Entry<String, FloatTensor> e : ref.tensors().entrySet()) {
                String name = e.getKey();
                FloatTensor expected = e.getValue();
                int[] shape = shapes.get(name).clone();
                shape[0] = sequences.size();
                assertArrayEquals(expected.shape(), shape, name + " shape");
                float[] actual = got.get(name);
                float worst = 0;
                int worstAt = -1;
                for (int i = 0; i < actual.length; i++) {
                    float diff = Math.abs(actual[i] - expected.data()[i]) / Math.max(1f, Math.abs(expected.data()[i]));
                    if (!(diff <= worst)) {
                        worst = diff;
                        worstAt = i;
                    }
                }
                final float worstDiff = worst;
                final int at = worstAt;
                assertTrue(worst <= TOLERANCE, () -> name + " differs from PyTorch by " + worstDiff
                        + " (relative where |x| > 1) at flat index " + at + ": " + actual[at] + " vs "
                        + expected.data()[at]);
            }
        }
    }

    private static float[] concat(float[] a, float[] b) {
        float[] c = new float[a.length + b.length];
        System.arraycopy(a, 0, c, 0, a.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    @ParameterizedTest
    @ValueSource(strings = {"gtransformer.onnx", "second/second.onnx"})
    void contractInvariantsHold(String modelFile) throws Exception {
        Path file = Project.models(modelFile);
        try (GTransformer model = GTransformer.load(file)) {
            ModelInfo info = model.info();
            java.util.Random random = new java.util.Random(7);
            List<Sequence> sequences = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                int[] tokens = new int[info.t()];
                for (int p = 0; p < tokens.length; p++) {
                    tokens[p] = random.nextInt(info.numTokens());
                }
                sequences.add(new Sequence("s" + i, tokens));
            }
            BatchResult batch = new Extractor(model, EnumSet.copyOf(Kind.contract()), 64).extract(sequences);
            for (int s = 0; s < batch.size(); s++) {
                for (int block = 0; block < info.depth(); block++) {
                    for (int head = 0; head < info.heads(); head++) {
                        Matrix att = batch.matrix(s, Kind.ATTENTION, block, head);
                        for (int r = 0; r < att.rows(); r++) {
                            float sum = 0;
                            for (int c = 0; c < att.cols(); c++) {
                                sum += att.get(r, c);
                                if (c > r) {
                                    assertEquals(0f, att.get(r, c), "causal mask, block " + block + " head " + head);
                                }
                            }
                            assertEquals(1f, sum, 1e-5f, "attention row sums to 1");
                        }
                    }
                    Matrix lp = batch.matrix(s, Kind.LOGPROBS, block, 0);
                    for (int r = 0; r < lp.rows(); r++) {
                        double sum = 0;
                        for (int c = 0; c < lp.cols(); c++) {
                            sum += Math.exp(lp.get(r, c));
                        }
                        assertEquals(1.0, sum, 1e-5, "exp(logprobs) row sums to 1");
                    }
                }
                assertArrayEquals(batch.finalLogprobs(s).toArray(),
                        batch.matrix(s, Kind.LOGPROBS, info.depth() - 1, 0).toArray(), 1e-6f,
                        "final logprobs equal the last block's logit lens");
                Prediction p = batch.prediction(s);
                Matrix fin = batch.finalLogprobs(s);
                for (int r = 0; r < fin.rows(); r++) {
                    float rowMax = Float.NEGATIVE_INFINITY;
                    for (int c = 0; c < fin.cols(); c++) {
                        rowMax = Math.max(rowMax, fin.get(r, c));
                    }
                    assertEquals(rowMax, fin.get(r, p.nextToken(r)), "prediction is the argmax");
                    assertEquals(Math.exp(rowMax), p.probability(r), 1e-6, "probability is exp of the max");
                }
            }
        }
    }
}
