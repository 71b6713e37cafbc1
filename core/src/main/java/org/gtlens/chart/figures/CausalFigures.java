package org.gtlens.chart.figures;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import org.gtlens.causal.AblationMethod;
import org.gtlens.causal.EffectMetric;
import org.gtlens.causal.EffectSummary;
import org.gtlens.causal.PatchSite;
import org.gtlens.causal.PatchSummary;
import org.gtlens.chart.data.HeatmapGrid;
import org.gtlens.chart.data.HeatmapPanelData;
import org.gtlens.model.ModelInfo;

/** Figures of causal analyses: which heads matter, as block x head panels. */
public final class CausalFigures {

    private CausalFigures() {
    }

    /**
     * The {@code head_ablation} figure: per group a row of panels, one per metric, each cell the metric's mean over
     * the group's sequences when that head is ablated.
     */
    public static Figure headAblation(ModelInfo info, EffectSummary summary, AblationMethod method) {
        String[] blocks = SummaryFigures.labels("Block ", info.depth());
        String[] heads = SummaryFigures.labels("Head ", info.heads());
        List<String> groups = summary.groups();
        List<HeatmapPanelData> panels = new ArrayList<>();
        for (String group : groups) {
            for (EffectMetric metric : EffectMetric.values()) {
                float[][] v = new float[info.depth()][info.heads()];
                for (int b = 0; b < info.depth(); b++) {
                    for (int h = 0; h < info.heads(); h++) {
                        v[b][h] = (float) summary.mean(group, b, h, metric);
                    }
                }
                String title = groups.size() > 1 ? group + " · " + metric.key() : metric.key();
                panels.add(HeatmapPanelData.of(title, v, blocks, heads));
            }
        }
        return new Figure(FigureKind.HEAD_ABLATION, HeatmapGrid.wrap("Head ablation (" + method.key() + ") · mean over "
                + "sequences", panels, EffectMetric.values().length, "Block", "Head"));
    }

    /**
     * The {@code patching_resid} or {@code patching_head} figure: one panel per group of the summary (a pair, or a
     * group of pairs), each cell the mean share of the clean prediction the site restores.
     *
     * @param title the panel title of a group
     */
    public static Figure patching(ModelInfo info, PatchSummary summary, PatchSite site, UnaryOperator<String> title) {
        String[] blocks = SummaryFigures.labels("Block ", info.depth());
        int inner = site == PatchSite.RESID ? summary.positions() : info.heads();
        String[] cols = site == PatchSite.RESID ? SummaryFigures.labels("", inner)
                : SummaryFigures.labels("Head ", inner);
        List<HeatmapPanelData> panels = new ArrayList<>();
        for (String group : summary.groups()) {
            float[][] v = new float[info.depth()][inner];
            for (int b = 0; b < info.depth(); b++) {
                for (int i = 0; i < inner; i++) {
                    v[b][i] = (float) summary.mean(group, site, b, i);
                }
            }
            panels.add(HeatmapPanelData.of(title.apply(group), v, blocks, cols));
        }
        boolean resid = site == PatchSite.RESID;
        FigureKind kind = resid ? FigureKind.PATCHING_RESID : FigureKind.PATCHING_HEAD;
        return new Figure(kind, HeatmapGrid.wrap(kind.displayName() + " · share of the clean prediction restored",
                panels, Math.min(panels.size(), resid ? 2 : 4), resid ? "Stream entering block" : "Block",
                resid ? "Position" : "Head"));
    }
}
