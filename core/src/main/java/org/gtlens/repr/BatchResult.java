package org.gtlens.repr;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.gtlens.runtime.FloatTensor;
import org.gtlens.model.Kind;
import org.gtlens.model.ModelInfo;

/**
 * Everything extracted from one batch of equal-length sequences, with accessors that hand out each sequence's
 * matrices by block, head and kind. Memory is that of one batch; callers consume it and let it go.
 */
public final class BatchResult {

    private final ModelInfo info;
    private final List<Sequence> sequences;
    private final Map<String, FloatTensor> tensors;
    /** The per-block tensors by kind and block (null where not extracted), so matrices need no name lookup. */
    private final FloatTensor[][] byKind;
    private final int length;
    /** The rollout of blocks 0..n-1, computed when first asked for, or given by a copy. */
    private float[][] rollout;

    BatchResult(ModelInfo info, List<Sequence> sequences, Map<String, FloatTensor> tensors) {
        this.info = info;
        this.sequences = List.copyOf(sequences);
        this.tensors = Map.copyOf(tensors);
        this.byKind = new FloatTensor[Kind.values().length][info.depth()];
        for (Kind kind : Kind.contract()) {
            for (int block = 0; block < info.depth(); block++) {
                byKind[kind.ordinal()][block] = this.tensors.get(kind.outputName(block));
            }
        }
        this.length = sequences.isEmpty() ? 0 : sequences.get(0).length();
    }

    public ModelInfo info() {
        return info;
    }

    public List<Sequence> sequences() {
        return sequences;
    }

    public int size() {
        return sequences.size();
    }

    public Sequence sequence(int index) {
        return sequences.get(index);
    }

    /** Tokens per sequence in this batch (the same for all of them). */
    public int length() {
        return length;
    }

    /**
     * A copy that owns its arrays and holds the per-block tensors of {@code kinds} only: what a consumer keeps when
     * it works on a batch after its call returns (the batch itself is valid only during the call).
     */
    public BatchResult copy(Set<Kind> kinds) {
        Map<String, FloatTensor> kept = new HashMap<>();
        float[][] rolled = null;
        if (kinds.contains(Kind.ROLLOUT) && has(Kind.ATTENTION)) {
            rolled = rollout(contiguousAttention() - 1);
        }
        for (Kind kind : kinds) {
            if (kind.derived()) {
                continue;
            }
            for (int block = 0; block < info.depth(); block++) {
                FloatTensor t = tensors.get(kind.outputName(block));
                if (t != null) {
                    kept.put(kind.outputName(block), new FloatTensor(t.data().clone(), t.shape()));
                }
            }
        }
        BatchResult copy = new BatchResult(info, sequences, kept);
        copy.rollout = rolled;
        return copy;
    }

    /** Bytes the per-block tensors of {@code kinds} take in this batch (what {@link #copy} would copy). */
    public long bytes(Set<Kind> kinds) {
        long bytes = kinds.contains(Kind.ROLLOUT)
                ? (long) contiguousAttention() * size() * length * length * Float.BYTES : 0;
        for (Kind kind : kinds) {
            for (int block = 0; block < info.depth(); block++) {
                FloatTensor t = tensors.get(kind.outputName(block));
                bytes += t == null ? 0 : (long) t.data().length * Float.BYTES;
            }
        }
        return bytes;
    }

    /** True when this batch holds the tensors of {@code kind} in some block. */
    public boolean has(Kind kind) {
        if (kind == Kind.ROLLOUT) {
            return rollout != null || contiguousAttention() > 0;
        }
        for (int block = 0; block < info.depth(); block++) {
            if (tensors.containsKey(kind.outputName(block))) {
                return true;
            }
        }
        return false;
    }

    /** A whole batch tensor by its contract name (e.g. {@code block0.attention} or {@code logprobs}). */
    public FloatTensor tensor(String name) {
        FloatTensor tensor = tensors.get(name);
        if (tensor == null) {
            throw new IllegalArgumentException("tensor " + name + " was not extracted in this batch");
        }
        return tensor;
    }

    /**
     * One matrix of one sequence.
     *
     * @param head ignored for block-level kinds (out, logprobs)
     */
    public Matrix matrix(int seq, Kind kind, int block, int head) {
        if (kind == Kind.ROLLOUT) {
            float[][] r = rollout(block);
            return new Matrix(length, length, r[block], seq * length * length);
        }
        FloatTensor t = block >= 0 && block < info.depth() ? byKind[kind.ordinal()][block] : null;
        if (t == null) {
            t = tensor(kind.outputName(block)); // names the missing tensor
        }
        int base = seq * t.itemSize();
        if (kind.perHead()) {
            int rows = t.dim(2);
            int cols = t.dim(3);
            return new Matrix(rows, cols, t.data(), base + head * rows * cols);
        }
        return new Matrix(t.dim(1), t.dim(2), t.data(), base);
    }

    /** Blocks 0..n-1 whose attention this batch holds without a gap. */
    private int contiguousAttention() {
        int n = 0;
        while (n < info.depth() && byKind[Kind.ATTENTION.ordinal()][n] != null) {
            n++;
        }
        return n;
    }

    /** The rollout of blocks 0..block at least (needs their attention). */
    private synchronized float[][] rollout(int block) {
        if (rollout == null || rollout.length <= block) {
            int n = contiguousAttention();
            if (block < 0 || block >= n) {
                throw new IllegalArgumentException("rollout of block " + block + " needs the attention of blocks 0.."
                        + block + ", which this batch does not hold");
            }
            FloatTensor[] attention = new FloatTensor[n];
            System.arraycopy(byKind[Kind.ATTENTION.ordinal()], 0, attention, 0, n);
            rollout = Rollout.of(attention);
        }
        return rollout;
    }

    /** The final log-probabilities of one sequence, [L, V]. */
    public Matrix finalLogprobs(int seq) {
        FloatTensor t = tensor(Kind.FINAL_LOGPROBS);
        return new Matrix(t.dim(1), t.dim(2), t.data(), seq * t.itemSize());
    }

    /** The predicted next token and its probability at every position of one sequence. */
    public Prediction prediction(int seq) {
        Matrix logprobs = finalLogprobs(seq);
        int[] next = new int[logprobs.rows()];
        float[] prob = new float[logprobs.rows()];
        for (int r = 0; r < logprobs.rows(); r++) {
            next[r] = logprobs.argmax(r);
            prob[r] = (float) Math.exp(logprobs.get(r, next[r]));
        }
        return new Prediction(next, prob);
    }
}
