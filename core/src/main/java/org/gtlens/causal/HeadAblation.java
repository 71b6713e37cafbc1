package org.gtlens.causal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.gtlens.model.Interventions;
import org.gtlens.model.Kind;
import org.gtlens.model.ModelException;
import org.gtlens.model.ModelInfo;
import org.gtlens.repr.CancelledException;
import org.gtlens.repr.Extractor;
import org.gtlens.repr.IndexList;
import org.gtlens.repr.InputException;
import org.gtlens.repr.Matrix;
import org.gtlens.repr.Sequence;
import org.gtlens.repr.SequenceValidator;
import org.gtlens.runtime.FloatTensor;
import org.gtlens.runtime.GTransformer;
import org.gtlens.runtime.Intervention;

/**
 * Head ablation as the contract defines it: for every sequence and every head, one run with that head's output
 * replaced at every position (by zeros or by its mean output), measured against the plain run. The runs of one
 * sequence go through the model as batches of ablated copies, as many as the memory budget allows at once.
 */
public final class HeadAblation {

    /** Receives each sequence's effects, in input order and within a sequence by block and head. */
    @FunctionalInterface
    public interface EffectSink {
        void accept(HeadEffect effect) throws Exception;
    }

    private final GTransformer model;
    private final ModelInfo info;
    private final AblationMethod method;
    private final long budgetBytes;
    private final int maxCopies;
    /** The ablated heads as block * heads + head, in block and head order. */
    private final int[] chosen;

    /** Ablates every head, as many copies per run as the budget allows. */
    public HeadAblation(GTransformer model, AblationMethod method, long budgetBytes) throws ModelException {
        this(model, method, IndexList.ALL, IndexList.ALL, budgetBytes, Integer.MAX_VALUE);
    }

    /**
     * @param blocks      the blocks whose heads are ablated
     * @param heads       the heads ablated in each of them
     * @param budgetBytes memory the runs of one batch may take (ONNX Runtime's intermediate tensors included)
     * @param maxCopies   most ablated copies of a sequence in one run
     * @throws ModelException           when the model takes no interventions (contract version 1)
     * @throws IllegalArgumentException naming a block or head the model does not have
     */
    public HeadAblation(GTransformer model, AblationMethod method, IndexList blocks, IndexList heads,
            long budgetBytes, int maxCopies) throws ModelException {
        this.model = model;
        this.info = model.info();
        this.method = method;
        this.budgetBytes = budgetBytes;
        this.maxCopies = Math.max(1, maxCopies);
        IndexList.checkBlocksAndHeads(info, blocks, heads);
        int[] b = blocks.resolve(info.depth());
        int[] h = heads.resolve(info.heads());
        chosen = new int[b.length * h.length];
        for (int i = 0; i < b.length; i++) {
            for (int j = 0; j < h.length; j++) {
                chosen[i * h.length + j] = b[i] * info.heads() + h[j];
            }
        }
        RunCopies.requireInterventions(info, "to ablate heads");
    }

    /** The model the heads belong to. */
    /** Memory the runs of one batch may take, which the summary's groups may take too. */
    public long budgetBytes() {
        return budgetBytes;
    }

    public GTransformer model() {
        return model;
    }

    /** The replacement of an ablated head's output. */
    public AblationMethod method() {
        return method;
    }

    /** The ablated heads as {block, head} pairs, in block and head order. */
    public List<int[]> heads() {
        List<int[]> pairs = new ArrayList<>(chosen.length);
        for (int flat : chosen) {
            pairs.add(new int[] {flat / info.heads(), flat % info.heads()});
        }
        return pairs;
    }

    /**
     * Ablates every head on every sequence.
     *
     * @param progress told the number of sequences done
     * @throws InputException     naming the first sequence the model cannot take, or too few sequences for the mean
     * @throws CancelledException when {@code cancelled} turns true (the sink may have part of a sequence's effects)
     */
    public void run(List<Sequence> sequences, EffectSink sink, Extractor.ProgressListener progress,
            BooleanSupplier cancelled) throws Exception {
        SequenceValidator validator = new SequenceValidator(info);
        for (Sequence s : sequences) {
            validator.check(s);
        }
        MeanZ mean = null;
        if (method == AblationMethod.MEAN) {
            if (sequences.size() < 2) {
                throw new InputException(sequences.isEmpty() ? "" : sequences.get(0).id(), -1, "Mean ablation "
                        + "replaces a head's output by its mean over the input's sequences and needs at least 2; "
                        + "the input has " + sequences.size() + ". Give more sequences or use zero ablation.");
            }
            mean = meanOf(sequences, cancelled);
        }
        ablate(sequences, mean, sink, progress, cancelled);
    }

    private MeanZ meanOf(List<Sequence> sequences, BooleanSupplier cancelled) throws Exception {
        MeanZ mean = new MeanZ(info);
        List<String> zs = new ArrayList<>();
        for (int b = 0; b < info.depth(); b++) {
            zs.add(Interventions.z(b));
        }
        for (Sequence s : sequences) {
            checkCancelled(cancelled);
            Map<String, FloatTensor> run = model.run(RunCopies.repeated(s.tokens(), 1), 1, s.length(), zs);
            for (int b = 0; b < info.depth(); b++) {
                mean.add(b, run.get(zs.get(b)), 0);
            }
        }
        return mean;
    }

    /**
     * Every sequence's plain run and ablated copies as one stream of rows (sequence by sequence, the plain row first),
     * cut into runs of as many rows as the budget allows; consecutive sequences of one length share runs, so a small
     * model is not held back by the cost of a call.
     */
    private void ablate(List<Sequence> sequences, MeanZ mean, EffectSink sink, Extractor.ProgressListener progress,
            BooleanSupplier cancelled) throws Exception {
        List<String> out = List.of(Kind.FINAL_LOGPROBS);
        int all = info.depth() * info.heads();
        int s = 0;
        int slot = -1; // the next row: sequence s, its plain run (-1) or its ablation chosen[slot]
        Matrix plain = null;
        FloatTensor replacement = null;
        while (s < sequences.size()) {
            checkCancelled(cancelled);
            int n = sequences.get(s).length();
            int capacity = RunCopies.perRun(info, n, budgetBytes, maxCopies, Integer.MAX_VALUE);
            List<int[]> rows = new ArrayList<>();
            int cs = s;
            int cslot = slot;
            while (rows.size() < capacity && cs < sequences.size() && sequences.get(cs).length() == n) {
                rows.add(new int[] {cs, cslot});
                if (++cslot == chosen.length) {
                    cs++;
                    cslot = -1;
                }
            }
            long[] tokens = new long[Math.multiplyExact(rows.size(), n)];
            FloatTensor keep = Intervention.neutral(Interventions.HEAD_KEEP, info, rows.size(), 1);
            for (int r = 0; r < rows.size(); r++) {
                int[] seq = sequences.get(rows.get(r)[0]).tokens();
                for (int p = 0; p < n; p++) {
                    tokens[r * n + p] = seq[p];
                }
                if (rows.get(r)[1] >= 0) {
                    keep.data()[r * all + chosen[rows.get(r)[1]]] = 0f; // [row, block, head, 1, 1]
                }
            }
            Intervention change = new Intervention(Map.of(Interventions.HEAD_KEEP, keep));
            if (mean != null) {
                if (replacement == null || replacement.dim(3) != n) { // the same for every run of one length
                    replacement = mean.replacement(n);
                }
                change = change.with(Interventions.HEAD_REPL, replacement);
            }
            FloatTensor lp = model.run(tokens, rows.size(), n, out, change).get(Kind.FINAL_LOGPROBS);
            for (int r = 0; r < rows.size(); r++) {
                int index = rows.get(r)[0];
                int at = rows.get(r)[1];
                Matrix m = new Matrix(n, info.numTokens(), lp.data(), r * lp.itemSize());
                if (at < 0) {
                    plain = m;
                } else {
                    int flat = chosen[at];
                    sink.accept(new HeadEffect(index, flat / info.heads(), flat % info.heads(),
                            NextTokenMetrics.lossIncrease(plain, m, sequences.get(index).tokens()),
                            NextTokenMetrics.logprobChange(plain, m), NextTokenMetrics.kl(plain, m)));
                }
                if (at == chosen.length - 1) {
                    progress.progress(index + 1L);
                }
            }
            s = cs;
            slot = cslot;
        }
    }

    /** Rows (plain runs and ablated copies) of sequences of length n one run takes: the budget and the limit. */
    public int rowsPerRun(int n) {
        return RunCopies.perRun(info, n, budgetBytes, maxCopies, Integer.MAX_VALUE);
    }

    private static void checkCancelled(BooleanSupplier cancelled) throws CancelledException {
        RunCopies.checkCancelled(cancelled, "Head ablation");
    }
}
