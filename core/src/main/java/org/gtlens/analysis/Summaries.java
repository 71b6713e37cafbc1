package org.gtlens.analysis;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.gtlens.model.Kind;
import org.gtlens.model.ModelInfo;
import org.gtlens.repr.BatchResult;
import org.gtlens.repr.IndexList;
import org.gtlens.repr.Matrix;
import org.gtlens.repr.Selection;
import org.gtlens.table.RowSink;

/**
 * The two summary tables of a run: head scores (per sequence, block and head) and logit-lens statistics (per
 * sequence, block and position), over every block, head and position of the model whatever the tables select (their
 * own scope: lens statistics of the last block and position alone would be zero by definition). Either written per
 * sequence as the batches come, or aggregated per group (count, mean, standard deviation) and written at the end.
 */
public final class Summaries {

    /** What the summaries read, whatever kinds the tables keep. */
    public static final Set<Kind> NEEDS = EnumSet.of(Kind.ATTENTION, Kind.LOGPROBS);

    private final ModelInfo info;
    private final Selection selection;
    private final int[] blocks;
    private final int[] heads;
    private final boolean aggregate;
    private final Map<String, Moments> headMoments = new LinkedHashMap<>();
    private final Map<String, Moments> lensMoments = new LinkedHashMap<>();

    /** Cells the aggregated head scores and lens statistics of one group have. */
    public static long cellsPerGroup(ModelInfo info, Selection selection) {
        selection = scope(selection);
        long blocks = selection.blocks(info).length;
        return blocks * selection.heads(info, Kind.ATTENTION).length * HeadScore.values().length
                + blocks * info.t() * LensStat.values().length;
    }

    /** Bytes the aggregated head scores and lens statistics of one group take (two Moments and their map entries). */
    public static long bytesPerGroup(ModelInfo info, Selection selection) {
        return Moments.bytes(cellsPerGroup(info, selection)) + 2 * (Moments.OBJECT_BYTES + 64);
    }

    /** What the summaries of a run with this table selection cover: every block, head and position. */
    public static Selection scope(Selection selection) {
        return selection.withBlocks(IndexList.ALL).withHeads(IndexList.ALL).withPositions(IndexList.ALL);
    }

    /** @param selection the tables' selection; the summaries cover all of the model ({@link #scope}) */
    public Summaries(ModelInfo info, Selection selection, boolean aggregate) {
        this.info = info;
        selection = scope(selection);
        this.selection = selection;
        this.blocks = selection.blocks(info);
        this.heads = selection.heads(info, Kind.ATTENTION);
        this.aggregate = aggregate;
    }

    /**
     * Adds sequence {@code seq} of a batch: its rows go to the sinks now ({@code Tables.HEAD_SCORES},
     * {@code Tables.LENS_STATS}), or, when aggregating, into its group's moments.
     */
    public <E extends Exception> void add(BatchResult batch, int seq, String group, RowSink<E> headScores,
            RowSink<E> lensStats) throws E {
        String id = batch.sequence(seq).id();
        int[] tokens = batch.sequence(seq).tokens();
        Moments hm = aggregate ? headMoments.computeIfAbsent(group,
                g -> new Moments(blocks.length * heads.length * HeadScore.values().length)) : null;
        for (int bi = 0; bi < blocks.length; bi++) {
            for (int hi = 0; hi < heads.length; hi++) {
                Matrix a = batch.matrix(seq, Kind.ATTENTION, blocks[bi], heads[hi]);
                for (HeadScore score : HeadScore.values()) {
                    double v = score.of(a, tokens);
                    if (hm == null) {
                        headScores.row(id, blocks[bi], heads[hi], score.key(), v);
                    } else if (!Double.isNaN(v)) {
                        hm.add((bi * heads.length + hi) * HeadScore.values().length + score.ordinal(), v);
                    }
                }
            }
        }
        Matrix fin = batch.finalLogprobs(seq);
        int[] rows = selection.rows(batch.length());
        int[] top = new int[batch.length()];
        for (int r : rows) {
            top[r] = LensStat.finalToken(fin, r);
        }
        Moments lm = aggregate ? lensMoments.computeIfAbsent(group,
                g -> new Moments(blocks.length * info.t() * LensStat.values().length)) : null;
        for (int bi = 0; bi < blocks.length; bi++) {
            Matrix lens = batch.matrix(seq, Kind.LOGPROBS, blocks[bi], 0);
            for (int r : rows) {
                for (LensStat stat : LensStat.values()) {
                    double v = stat.of(lens, fin, r, top[r]);
                    if (lm == null) {
                        lensStats.row(id, blocks[bi], r, stat.key(), v);
                    } else {
                        lm.add((bi * info.t() + r) * LensStat.values().length + stat.ordinal(), v);
                    }
                }
            }
        }
    }

    /** Writes the aggregated head scores ({@code Tables.AGGREGATED_HEAD_SCORES}), by group, block, head, score. */
    public <E extends Exception> void writeHeadScores(RowSink<E> sink) throws E {
        for (Map.Entry<String, Moments> g : headMoments.entrySet()) {
            Moments m = g.getValue();
            for (int bi = 0; bi < blocks.length; bi++) {
                for (int hi = 0; hi < heads.length; hi++) {
                    for (HeadScore score : HeadScore.values()) {
                        int cell = (bi * heads.length + hi) * HeadScore.values().length + score.ordinal();
                        if (m.count(cell) > 0) {
                            sink.row(g.getKey(), blocks[bi], heads[hi], score.key(), m.count(cell), m.mean(cell),
                                    m.std(cell));
                        }
                    }
                }
            }
        }
    }

    /** Writes the aggregated lens statistics ({@code Tables.AGGREGATED_LENS_STATS}), by group, block, position. */
    public <E extends Exception> void writeLensStats(RowSink<E> sink) throws E {
        for (Map.Entry<String, Moments> g : lensMoments.entrySet()) {
            Moments m = g.getValue();
            for (int bi = 0; bi < blocks.length; bi++) {
                for (int r = 0; r < info.t(); r++) {
                    for (LensStat stat : LensStat.values()) {
                        int cell = (bi * info.t() + r) * LensStat.values().length + stat.ordinal();
                        if (m.count(cell) > 0) {
                            sink.row(g.getKey(), blocks[bi], r, stat.key(), m.count(cell), m.mean(cell),
                                    m.std(cell));
                        }
                    }
                }
            }
        }
    }
}
