package org.gtlens.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import org.gtlens.runtime.GTransformer;
import org.gtlens.model.Kind;
import org.gtlens.model.ModelInfo;
import org.gtlens.repr.BatchResult;
import org.gtlens.repr.Extractor;
import org.gtlens.repr.Matrix;
import org.gtlens.repr.Sequence;
import org.gtlens.testing.Derived;
import org.gtlens.testing.Project;
import org.gtlens.testing.Reference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Rollout, head scores and logit-lens statistics against numpy's computation from PyTorch's own tensors
 * (models/derived.py), for the toy model and for models of other depth, heads, width and length.
 */
class DerivedReferenceTest {

    private static final double TOLERANCE = 1e-4;

    static void close(double expected, double actual, String what) {
        if (Double.isNaN(expected)) {
            assertTrue(Double.isNaN(actual), what + ": expected NaN, got " + actual);
            return;
        }
        assertTrue(Math.abs(expected - actual) <= TOLERANCE * Math.max(1, Math.abs(expected)),
            what + ": expected " + expected + ", got " + actual);
    }

    @ParameterizedTest
    @ValueSource(strings = {"reference", "second/reference", "second/reference-short", "mid/reference",
        "mid/reference-short"})
    void rolloutHeadScoresAndLensStatsMatchNumpy(String folder) throws Exception {
        Reference ref = Reference.load(Project.models(folder));
        Derived derived = Derived.load(Project.models(folder));
        List<Sequence> sequences = new ArrayList<>();
        for (int i = 0; i < ref.sequences().size(); i++) {
            sequences.add(new Sequence(Integer.toString(i), ref.sequences().get(i)));
        }
        try (GTransformer model = GTransformer.load(ref.model())) {
            ModelInfo info = model.info();
            int n = sequences.size();
            int length = sequences.get(0).length();
            BatchResult batch = new Extractor(model, EnumSet.of(Kind.ATTENTION, Kind.LOGPROBS, Kind.ROLLOUT), n)
                .extract(sequences);
            float[] rollout = derived.floats().get("rollout");
            float[] heads = derived.floats().get("head_scores");
            List<String> scoreNames = new ArrayList<>();
            derived.json().getAsJsonArray("head_score_names").forEach(e -> scoreNames.add(e.getAsString()));
            int scores = scoreNames.size();
            float[] lens = derived.floats().get("lens_stats");
            int checked = 0;
            for (int s = 0; s < n; s++) {
                Matrix fin = batch.finalLogprobs(s);
                for (int b = 0; b < info.depth(); b++) {
                    Matrix r = batch.matrix(s, Kind.ROLLOUT, b, -1);
                    for (int i = 0; i < length; i++) {
                        for (int j = 0; j < length; j++) {
                            close(rollout[((s * info.depth() + b) * length + i) * length + j], r.get(i, j),
                                folder + " rollout " + s + "/" + b + "/" + i + "/" + j);
                            checked++;
                        }
                    }
                    for (int h = 0; h < info.heads(); h++) {
                        Matrix a = batch.matrix(s, Kind.ATTENTION, b, h);
                        for (HeadScore score : HeadScore.values()) {
                            int column = scoreNames.indexOf(score.key());
                            assertTrue(column >= 0, score.key() + " is in the reference");
                            close(heads[((s * info.depth() + b) * info.heads() + h) * scores + column],
                                score.of(a, sequences.get(s).tokens()), folder + " " + score.key() + " " + s + "/" + b + "/" + h);
                            checked++;
                        }
                    }
                    Matrix lp = batch.matrix(s, Kind.LOGPROBS, b, -1);
                    for (int p = 0; p < length; p++) {
                        int top = LensStat.finalToken(fin, p);
                        for (LensStat stat : LensStat.values()) {
                            close(lens[((s * info.depth() + b) * length + p) * 4 + stat.ordinal()],
                                stat.of(lp, fin, p, top), folder + " " + stat.key() + " " + s + "/" + b + "/" + p);
                            checked++;
                        }
                    }
                }
            }
            assertEquals(n * info.depth() * (length * length + info.heads() * HeadScore.values().length + length * 4), checked);
        }
    }
}
