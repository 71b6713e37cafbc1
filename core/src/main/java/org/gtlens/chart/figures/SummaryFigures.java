package org.gtlens.chart.figures;

import java.util.ArrayList;
import java.util.List;

import org.gtlens.analysis.HeadScore;
import org.gtlens.analysis.LensStat;
import org.gtlens.model.Kind;
import org.gtlens.model.ModelInfo;
import org.gtlens.repr.BatchResult;
import org.gtlens.repr.Matrix;
import org.gtlens.chart.data.HeatmapGrid;
import org.gtlens.chart.data.HeatmapPanelData;
import org.gtlens.chart.data.MatrixSource;

/**
 * The summaries of one sequence as figures: head scores as one block x head panel per score, logit-lens statistics
 * as one block x position panel per statistic, each panel on its own colour range (they are different quantities).
 * The statistics' panels of a long sequence go one to a row, so that the figure is no thin strip.
 */
public final class SummaryFigures {

    private SummaryFigures() {
    }

    /** The {@code head_scores} figure of sequence {@code seq} (needs the batch's attention of every block). */
    public static Figure headScores(BatchResult batch, int seq) {
        ModelInfo info = batch.info();
        List<HeatmapPanelData> panels = new ArrayList<>();
        String[] blocks = labels("Block ", info.depth());
        String[] heads = labels("Head ", info.heads());
        for (HeadScore score : HeadScore.values()) {
            float[][] v = new float[info.depth()][info.heads()];
            for (int b = 0; b < info.depth(); b++) {
                for (int h = 0; h < info.heads(); h++) {
                    v[b][h] = (float) score.of(batch.matrix(seq, Kind.ATTENTION, b, h), batch.sequence(seq).tokens());
                }
            }
            panels.add(HeatmapPanelData.of(score.key(), v, blocks, heads));
        }
        return new Figure(FigureKind.HEAD_SCORES, HeatmapGrid.wrap("Head scores · "
                + RepresentationFigures.sequenceTitle(info, batch.sequence(seq).tokens()), panels, panels.size(), "Block", "Head"));
    }

    /** The {@code lens_stats} figure of sequence {@code seq} (needs the batch's logprobs of every block). */
    public static Figure lensStats(BatchResult batch, int seq) {
        return lensStats(batch.info(), batch.sequence(seq).tokens(), (kind, block, head) -> batch.matrix(seq, kind,
                block, head), batch.finalLogprobs(seq));
    }

    /**
     * The {@code lens_stats} figure of one sequence from its blocks' log-probabilities ({@code lens}) and the final
     * ones ({@code fin}), so that it can be drawn from any source of matrices.
     */
    public static Figure lensStats(ModelInfo info, int[] tokens, MatrixSource lens, Matrix fin) {
        int length = tokens.length;
        int[] top = new int[length];
        for (int p = 0; p < length; p++) {
            top[p] = LensStat.finalToken(fin, p);
        }
        String[] blocks = labels("Block ", info.depth());
        String[] positions = Kind.LOGPROBS.rowAxis().labels(info, tokens, length);
        List<HeatmapPanelData> panels = new ArrayList<>();
        for (LensStat stat : LensStat.values()) {
            float[][] v = new float[info.depth()][length];
            for (int b = 0; b < info.depth(); b++) {
                Matrix m = lens.matrix(Kind.LOGPROBS, b, 0);
                for (int p = 0; p < length; p++) {
                    v[b][p] = (float) stat.of(m, fin, p, top[p]);
                }
            }
            panels.add(HeatmapPanelData.of(stat.key(), v, blocks, positions));
        }
        return new Figure(FigureKind.LENS_STATS, HeatmapGrid.wrap("Logit-lens statistics · "
                + RepresentationFigures.sequenceTitle(info, tokens), panels, RepresentationFigures.blocksPerRow(
                        panels.size(), info.depth(), length), "Block", "Position i"));
    }

    static String[] labels(String prefix, int n) {
        String[] l = new String[n];
        for (int i = 0; i < n; i++) {
            l[i] = prefix + i;
        }
        return l;
    }
}
