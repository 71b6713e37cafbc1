package org.gtlens.causal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.gtlens.model.Interventions;
import org.gtlens.model.Kind;
import org.gtlens.model.ModelException;
import org.gtlens.model.ModelInfo;
import org.gtlens.repr.Extractor;
import org.gtlens.repr.IndexList;
import org.gtlens.repr.InputException;
import org.gtlens.repr.Matrix;
import org.gtlens.repr.SequenceValidator;
import org.gtlens.runtime.FloatTensor;
import org.gtlens.runtime.GTransformer;
import org.gtlens.runtime.Intervention;

/**
 * Activation patching as the contract defines it: the corrupted sequence of a pair run with one activation of the
 * clean run put back (the residual stream entering a block at one position, or one head's output at every
 * position), and how much of the clean prediction that restores. The clean activations are fed once per batch as
 * the replacement of every site; each copy in the batch keeps all but its own site.
 */
public final class ActivationPatching {

    /** Receives each pair's plain outcome, then its patched values, pair after pair in input order. */
    public interface PatchSink {
        void pair(PatchPair pair, PairOutcome outcome) throws Exception;

        void patched(PatchedValue value) throws Exception;
    }

    private final GTransformer model;
    private final ModelInfo info;
    private final List<PatchSite> sites;
    private final IndexList blocks;
    private final IndexList heads;
    private final IndexList positions;
    private final long budgetBytes;
    private final int maxCopies;

    /**
     * @param sites     where to patch, in the order the values come out
     * @param positions the positions of {@link PatchSite#RESID} sites, resolved against each pair's length
     * @throws ModelException           when the model takes no interventions (contract version 1)
     * @throws IllegalArgumentException naming a block or head the model does not have
     */
    public ActivationPatching(GTransformer model, List<PatchSite> sites, IndexList blocks, IndexList heads,
            IndexList positions, long budgetBytes, int maxCopies) throws ModelException {
        this.model = model;
        this.info = model.info();
        this.sites = List.copyOf(sites);
        this.blocks = blocks;
        this.heads = heads;
        this.positions = positions;
        this.budgetBytes = budgetBytes;
        this.maxCopies = Math.max(1, maxCopies);
        IndexList.checkBlocksAndHeads(info, blocks, heads);
        RunCopies.requireInterventions(info, "to patch activations");
    }

    /** All sites, blocks, heads and positions. */
    public ActivationPatching(GTransformer model, long budgetBytes) throws ModelException {
        this(model, List.of(PatchSite.values()), IndexList.ALL, IndexList.ALL, IndexList.ALL, budgetBytes,
                Integer.MAX_VALUE);
    }

    public GTransformer model() {
        return model;
    }

    /** Memory the runs of one batch may take, which the summary's groups may take too. */
    public long budgetBytes() {
        return budgetBytes;
    }

    /** The most sites a pair of {@code length} tokens is patched at: its resid positions and heads per block. */
    public long sitesPerPair(int length) {
        long n = 0;
        int b = blocks.resolve(info.depth()).length;
        if (sites.contains(PatchSite.RESID)) {
            n += (long) b * positions.resolve(length).length;
        }
        if (sites.contains(PatchSite.HEAD)) {
            n += (long) b * heads.resolve(info.heads()).length;
        }
        return n;
    }

    /**
     * Patches every chosen site of every pair.
     *
     * @param progress told the number of pairs done
     * @throws InputException     naming the first pair of unequal lengths, a token the model cannot take, or an
     *                            answer outside the vocabulary
     * @throws CancelledException when {@code cancelled} turns true
     */
    public void run(List<PatchPair> pairs, PatchSink sink, Extractor.ProgressListener progress,
            BooleanSupplier cancelled) throws Exception {
        SequenceValidator validator = new SequenceValidator(info);
        for (PatchPair p : pairs) {
            check(p, validator);
        }
        for (int i = 0; i < pairs.size(); i++) {
            patch(i, pairs.get(i), sink, cancelled);
            progress.progress(i + 1L);
        }
    }

    private void check(PatchPair p, SequenceValidator validator) throws InputException {
        if (p.clean().length != p.corrupted().length) {
            throw new InputException(p.id(), -1, "Pair " + p.id() + " has a clean sequence of " + p.clean().length
                    + " tokens and a corrupted one of " + p.corrupted().length + "; patching needs equal lengths.");
        }
        validator.check("pair " + p.id() + " (clean)", p.clean());
        validator.check("pair " + p.id() + " (corrupted)", p.corrupted());
        for (Integer t : new Integer[] {p.answer(), p.wrong()}) {
            if (t != null && (t < 0 || t >= info.numTokens())) {
                throw new InputException(p.id(), -1, "Pair " + p.id() + " names token " + t + " as its "
                        + (t.equals(p.answer()) ? "answer" : "wrong token") + ", outside the model's vocabulary 0.."
                        + (info.numTokens() - 1) + ".");
            }
        }
    }

    private void patch(int index, PatchPair pair, PatchSink sink, BooleanSupplier cancelled) throws Exception {
        int n = pair.length();
        List<String> cleanOutputs = new ArrayList<>(List.of(Kind.FINAL_LOGPROBS, Interventions.EMBEDDING));
        for (int b = 0; b < info.depth(); b++) {
            cleanOutputs.add(Kind.OUT.outputName(b));
            cleanOutputs.add(Interventions.z(b));
        }
        Map<String, FloatTensor> clean = model.run(RunCopies.repeated(pair.clean(), 1), 1, n, cleanOutputs);
        FloatTensor corruptedRun = model.run(RunCopies.repeated(pair.corrupted(), 1), 1, n,
                List.of(Kind.FINAL_LOGPROBS)).get(Kind.FINAL_LOGPROBS);
        Matrix cleanLp = new Matrix(n, info.numTokens(), clean.get(Kind.FINAL_LOGPROBS).data(), 0);
        Matrix corruptedLp = new Matrix(n, info.numTokens(), corruptedRun.data(), 0);
        int answer = pair.answer() != null ? pair.answer() : cleanLp.argmax(n - 1);
        int wrong = pair.wrong() != null ? pair.wrong() : corruptedLp.argmax(n - 1);
        PairOutcome outcome = new PairOutcome(index, answer, wrong, metric(cleanLp, answer, wrong),
                metric(corruptedLp, answer, wrong));
        sink.pair(pair, outcome);

        List<int[]> cells = sites(n); // {site ordinal, block, head or position}
        int perRun = rowsPerRun(n, cells.size());
        Intervention replacements = replacements(clean, n);
        for (int from = 0; from < cells.size(); from += perRun) {
            RunCopies.checkCancelled(cancelled, "Activation patching");
            int rows = Math.min(perRun, cells.size() - from);
            FloatTensor headKeep = Intervention.neutral(Interventions.HEAD_KEEP, info, rows, 1);
            FloatTensor residKeep = Intervention.neutral(Interventions.RESID_KEEP, info, rows, n);
            for (int r = 0; r < rows; r++) {
                int[] c = cells.get(from + r);
                if (c[0] == PatchSite.RESID.ordinal()) {
                    residKeep.data()[(r * info.depth() + c[1]) * n + c[2]] = 0f; // [row, block, position, 1]
                } else {
                    headKeep.data()[(r * info.depth() + c[1]) * info.heads() + c[2]] = 0f; // [row, block, head,1,1]
                }
            }
            Intervention change = replacements.with(Interventions.HEAD_KEEP, headKeep)
                    .with(Interventions.RESID_KEEP, residKeep);
            FloatTensor lp = model.run(RunCopies.repeated(pair.corrupted(), rows), rows, n,
                    List.of(Kind.FINAL_LOGPROBS), change).get(Kind.FINAL_LOGPROBS);
            for (int r = 0; r < rows; r++) {
                int[] c = cells.get(from + r);
                Matrix patched = new Matrix(n, info.numTokens(), lp.data(), r * lp.itemSize());
                PatchSite site = PatchSite.values()[c[0]];
                sink.patched(new PatchedValue(index, site, c[1], site == PatchSite.HEAD ? c[2] : -1,
                        site == PatchSite.RESID ? c[2] : -1, outcome.restored(metric(patched, answer, wrong))));
            }
        }
    }

    /** Patched copies of a pair of length n that one run takes: within the budget and the copy limit. */
    public int rowsPerRun(int n) {
        return rowsPerRun(n, sites(n).size());
    }

    private int rowsPerRun(int n, int sites) {
        return RunCopies.perRun(info, n, budgetBytes, maxCopies, Math.max(1, sites));
    }

    /** lp(answer) - lp(wrong) at the last position, or lp(answer) when they are the same token. */
    static double metric(Matrix lp, int answer, int wrong) {
        int last = lp.rows() - 1;
        return answer == wrong ? lp.get(last, answer) : (double) lp.get(last, answer) - lp.get(last, wrong);
    }

    /** The sites of a pair of length n, in output order: resid by block and position, then head by block and head. */
    private List<int[]> sites(int n) {
        List<int[]> cells = new ArrayList<>();
        int[] b = blocks.resolve(info.depth());
        for (PatchSite site : sites) {
            int[] inner = site == PatchSite.RESID ? positions.resolve(n) : heads.resolve(info.heads());
            for (int block : b) {
                for (int i : inner) {
                    cells.add(new int[] {site.ordinal(), block, i});
                }
            }
        }
        return cells;
    }

    /** The clean run's residual streams and head outputs, each the replacement of its own site. */
    private Intervention replacements(Map<String, FloatTensor> clean, int n) {
        FloatTensor resid = Intervention.neutral(Interventions.RESID_REPL, info, 1, n);
        int stream = n * info.k();
        for (int b = 0; b < info.depth(); b++) {
            float[] entering = clean.get(b == 0 ? Interventions.EMBEDDING : Kind.OUT.outputName(b - 1)).data();
            System.arraycopy(entering, 0, resid.data(), b * stream, stream);
        }
        FloatTensor head = Intervention.neutral(Interventions.HEAD_REPL, info, 1, n);
        int z = info.heads() * n * info.headDim();
        for (int b = 0; b < info.depth(); b++) {
            System.arraycopy(clean.get(Interventions.z(b)).data(), 0, head.data(), b * z, z);
        }
        return new Intervention(Map.of(Interventions.RESID_REPL, resid, Interventions.HEAD_REPL, head));
    }
}
