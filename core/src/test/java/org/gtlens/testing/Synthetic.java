package org.gtlens.testing;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.gtlens.model.Kind;
import org.gtlens.model.ModelInfo;
import org.gtlens.model.Scaling;
import org.gtlens.repr.Matrix;
import org.gtlens.chart.data.MatrixSource;

/**
 * Model-free test data shaped like the contract: causal softmax attention, signed queries/keys/values/outputs with
 * different values per kind, log-softmax next-token predictions. Lets chart tests run for any shape without ONNX.
 */
public final class Synthetic {

    public final ModelInfo info;
    public final int[] tokens;
    private final long seed;

    public Synthetic(int k, int heads, int depth, int length, List<String> vocab, long seed) {
        this.info = new ModelInfo("synthetic", k, heads, depth, Math.max(length, 1), vocab.size(), vocab, Scaling.HEAD,
                "synthetic test model", false, 0);
        this.seed = seed;
        Random r = new Random(seed);
        tokens = new int[length];
        for (int i = 0; i < length; i++) {
            tokens[i] = r.nextInt(vocab.size());
        }
    }

    public static List<String> ids(int n) {
        List<String> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(Integer.toString(i));
        }
        return list;
    }

    /** Random data of any shape with vocabulary 0..vocab-1 (tests of other packages). */
    public static Synthetic of(int k, int heads, int depth, int length, int vocab, long seed) {
        return new Synthetic(k, heads, depth, length, ids(vocab), seed);
    }

    /** The default model's shape: k=6, 3 heads, 2 blocks, vocab 0..9, sequence 4,5,5,5,4. */
    public static Synthetic defaultShape() {
        Synthetic s = new Synthetic(6, 3, 2, 5, ids(10), 7);
        System.arraycopy(new int[] {4, 5, 5, 5, 4}, 0, s.tokens, 0, 5);
        return s;
    }

    /** The second model's shape: k=8, 2 heads, 3 blocks, t=7, 12 word labels. */
    public static Synthetic secondShape() {
        return new Synthetic(8, 2, 3, 7, List.of("the", "cat", "dog", "sat", "on", "mat", "rug", "a", "ran", "to",
                "<pad>", "<eos>"), 11);
    }

    public Set<Kind> allKinds() {
        return EnumSet.copyOf(Kind.contract());
    }

    public MatrixSource source() {
        return (kind, block, head) -> matrix(kind, block, head);
    }

    public Matrix matrix(Kind kind, int block, int head) {
        int length = tokens.length;
        Random r = new Random(seed * 1_000_003L + kind.ordinal() * 10_007L + block * 101L + head);
        return switch (kind) {
            case ATTENTION, ROLLOUT -> {
                float[] v = new float[length * length];
                for (int i = 0; i < length; i++) {
                    double sum = 0;
                    double[] e = new double[i + 1];
                    for (int j = 0; j <= i; j++) {
                        e[j] = Math.exp(r.nextGaussian() * 1.5);
                        sum += e[j];
                    }
                    for (int j = 0; j <= i; j++) {
                        v[i * length + j] = (float) (e[j] / sum);
                    }
                }
                yield Matrix.of(length, length, v);
            }
            case QUERIES, KEYS, VALUES -> gaussian(r, length, info.headDim(), 1.2);
            case OUT -> gaussian(r, length, info.k(), 1.0);
            case LOGPROBS -> {
                int n = info.numTokens();
                float[] v = new float[length * n];
                for (int i = 0; i < length; i++) {
                    double[] logits = new double[n];
                    double max = Double.NEGATIVE_INFINITY;
                    for (int j = 0; j < n; j++) {
                        logits[j] = r.nextGaussian() * 2.5;
                        max = Math.max(max, logits[j]);
                    }
                    double sum = 0;
                    for (int j = 0; j < n; j++) {
                        sum += Math.exp(logits[j] - max);
                    }
                    for (int j = 0; j < n; j++) {
                        v[i * n + j] = (float) (logits[j] - max - Math.log(sum));
                    }
                }
                yield Matrix.of(length, n, v);
            }
        };
    }

    private static Matrix gaussian(Random r, int rows, int cols, double sigma) {
        float[] v = new float[rows * cols];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (r.nextGaussian() * sigma);
        }
        return Matrix.of(rows, cols, v);
    }
}
