package org.gtlens.chart.figures;

import java.util.ArrayList;
import java.util.List;

import org.gtlens.causal.AblationMethod;
import org.gtlens.causal.EffectMetric;
import org.gtlens.causal.EffectSummary;
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
}
