package org.gtlens.repr;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.gtlens.model.Kind;
import org.gtlens.model.ModelInfo;

/**
 * Which part of the representations a run keeps: kinds and blocks (what ONNX Runtime is asked for), heads and
 * positions (matrix rows, the query or output position), the {@code topK} most probable tokens of each logit-lens
 * row, and whether the cells the causal mask makes 0 are kept. Tables, charts and statistics all walk the same
 * selection, so "what is selected" has one meaning everywhere.
 *
 * @param kinds      the kinds, in contract order whatever order they were named in
 * @param blocks     the blocks ({@code last} = the last block)
 * @param heads      the heads of per-head kinds ({@code last} = the last head)
 * @param positions  the matrix rows ({@code last} = each sequence's last position)
 * @param topK       for {@link Kind#LOGPROBS}: keep this many most probable tokens per row, or 0 for all
 * @param keepMasked whether cells above the diagonal of causal kinds (0 by the mask) are kept
 */
public record Selection(Set<Kind> kinds, IndexList blocks, IndexList heads, IndexList positions, int topK,
        boolean keepMasked) {

    public Selection {
        kinds = kinds.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(kinds));
        if (topK < 0) {
            throw new IllegalArgumentException("top-k must be 0 (all tokens) or more, got " + topK);
        }
    }

    /** Every block, head, position and cell of the given kinds. */
    public static Selection all(Collection<Kind> kinds) {
        return new Selection(Set.copyOf(kinds), IndexList.ALL, IndexList.ALL, IndexList.ALL, 0, true);
    }

    /** The kinds in contract order. */
    public List<Kind> orderedKinds() {
        return kinds.isEmpty() ? List.of() : List.copyOf(EnumSet.copyOf(kinds));
    }

    public Selection withKinds(Collection<Kind> newKinds) {
        return new Selection(Set.copyOf(newKinds), blocks, heads, positions, topK, keepMasked);
    }

    public Selection withBlocks(IndexList newBlocks) {
        return new Selection(kinds, newBlocks, heads, positions, topK, keepMasked);
    }

    public Selection withHeads(IndexList newHeads) {
        return new Selection(kinds, blocks, newHeads, positions, topK, keepMasked);
    }

    public Selection withPositions(IndexList newPositions) {
        return new Selection(kinds, blocks, heads, newPositions, topK, keepMasked);
    }

    public Selection withTopK(int newTopK) {
        return new Selection(kinds, blocks, heads, positions, newTopK, keepMasked);
    }

    public Selection withKeepMasked(boolean keep) {
        return new Selection(kinds, blocks, heads, positions, topK, keep);
    }

    /**
     * Checks the selection against a model.
     *
     * @throws IllegalArgumentException naming the first index the model does not have, e.g. "block 12 does not
     *                                  exist: the model has 12 blocks (0..11)"
     */
    public void check(ModelInfo info) {
        IndexList.checkBlocksAndHeads(info, blocks, heads);
        positions.check(info.t(), "position", "the model takes sequences of at most " + info.t() + " tokens "
                + "(positions 0.." + (info.t() - 1) + ")");
        if (topK > info.numTokens()) {
            throw new IllegalArgumentException("top-k " + topK + " is more than the vocabulary has (" + info.numTokens()
                    + " tokens)");
        }
    }

    /** The selected blocks of a model. */
    public int[] blocks(ModelInfo info) {
        return blocks.resolve(info.depth());
    }

    /** The selected heads of a kind: the chosen heads for per-head kinds, {@code [-1]} for block-level ones. */
    public int[] heads(ModelInfo info, Kind kind) {
        return kind.perHead() ? heads.resolve(info.heads()) : new int[] {-1};
    }

    /** The selected rows of a sequence of the given length. */
    public int[] rows(int length) {
        return positions.resolve(length);
    }

    /** The ONNX outputs this selection needs: the final log-probabilities (for predictions) first. */
    public List<String> outputs(ModelInfo info) {
        return outputs(info, Set.of());
    }

    /**
     * The ONNX outputs this selection needs, and the tensors of {@code alsoKinds} in every block (what the summaries
     * need, which cover the whole model whatever the selection): the final log-probabilities first, then by block in
     * contract order; a rollout needs the attention of every block up to the last selected one.
     */
    public List<String> outputs(ModelInfo info, Set<Kind> alsoKinds) {
        boolean[][] needed = new boolean[info.depth()][Kind.values().length];
        int[] chosen = blocks(info);
        for (int block : chosen) {
            for (Kind kind : kinds) {
                needed[block][kind.ordinal()] = !kind.derived();
            }
        }
        for (int block = 0; block < info.depth(); block++) {
            for (Kind kind : alsoKinds) {
                needed[block][kind.ordinal()] = needed[block][kind.ordinal()] || !kind.derived();
            }
        }
        if (kinds.contains(Kind.ROLLOUT) && chosen.length > 0) {
            for (int block = 0; block <= chosen[chosen.length - 1]; block++) {
                needed[block][Kind.ATTENTION.ordinal()] = true;
            }
        }
        List<String> names = new ArrayList<>();
        names.add(Kind.FINAL_LOGPROBS);
        for (int block = 0; block < info.depth(); block++) {
            for (Kind kind : Kind.contract()) {
                if (needed[block][kind.ordinal()]) {
                    names.add(kind.outputName(block));
                }
            }
        }
        return names;
    }

    /** True when every cell of row {@code row} of a {@code kind} matrix with {@code cols} columns is kept. */
    public boolean keepsWholeRow(Kind kind, int row, int cols) {
        return !(kind == Kind.LOGPROBS && topK > 0 && topK < cols) && (keepMasked || !kind.causal()
                || row >= cols - 1);
    }

    /**
     * The kept columns of one matrix row, into {@code out} (at least {@code m.cols()} long), in the order they are
     * written: ascending, or by descending value (ties by ascending column) for a top-k row.
     *
     * @return how many
     */
    public int columns(Kind kind, Matrix m, int row, int[] out) {
        int cols = m.cols();
        if (kind == Kind.LOGPROBS && topK > 0 && topK < cols) {
            return topColumns(m, row, out);
        }
        int n = keepMasked ? cols : kind.visibleColumns(row, cols);
        for (int c = 0; c < n; c++) {
            out[c] = c;
        }
        return n;
    }

    /** The topK largest values of a row by insertion into a sorted prefix: ties keep the smaller column first. */
    private int topColumns(Matrix m, int row, int[] out) {
        float[] best = new float[topK];
        int n = 0;
        for (int c = 0; c < m.cols(); c++) {
            float v = m.get(row, c);
            if (n == topK && !(v > best[n - 1])) {
                continue;
            }
            int i = n == topK ? n - 1 : n++;
            while (i > 0 && v > best[i - 1]) {
                best[i] = best[i - 1];
                out[i] = out[i - 1];
                i--;
            }
            best[i] = v;
            out[i] = c;
        }
        return n;
    }

    /** Cells one sequence of the given length contributes to the long layout under this selection. */
    public long longRows(ModelInfo info, int length) {
        long cells = 0;
        int[] rows = rows(length);
        for (Kind kind : kinds) {
            int cols = kind.columns(info, length);
            long perMatrix = 0;
            for (int r : rows) {
                perMatrix += kind == Kind.LOGPROBS && topK > 0 ? Math.min(topK, cols)
                        : keepMasked ? cols : kind.visibleColumns(r, cols);
            }
            cells += perMatrix * heads(info, kind).length;
        }
        return cells * blocks(info).length;
    }
}
