package org.gtlens.knime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gtlens.chart.figures.FigureKind;
import org.gtlens.chart.options.ChartOptions;
import org.gtlens.explorer.HeatmapExplorer;
import org.gtlens.knime.heatmap.HeatmapNodeModel;
import org.gtlens.knime.heatmap.HeatmapViews;
import org.gtlens.model.Kind;
import org.junit.jupiter.api.Test;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeTestHarness;

/** The Heatmap View's explorer over the causal nodes' tables: the mean first, then each source row or pair. */
class CausalViewTest {

    private static HeatmapExplorer explore(final BufferedDataTable table) throws Exception {
        NodeModel m = HeatmapNodeTest.model(s -> { });
        NodeTestHarness.run(m, table);
        return HeatmapViews.explorer(HeatmapViews.open((HeatmapNodeModel)m));
    }

    @Test
    void theExplorerPicksTheSequencesOfAnAblationTable() throws Exception {
        BufferedDataTable table = (BufferedDataTable)NodeTestHarness.run(AblateHeadsNodeTest.node(s -> { }),
            TestSupport.defaultPort(), ExtractRepresentationsNodeTest.sequences("1,2,3", "4,5,6"))[0];
        HeatmapExplorer explorer = explore(table);
        assertEquals(0, explorer.selectedItem());
        assertEquals(FigureKind.HEAD_ABLATION, explorer.figure().kind());
        // the panels of the command line's head_ablation figure: one per metric, in the metrics' order, titled by key
        assertEquals(java.util.Arrays.stream(org.gtlens.causal.EffectMetric.values()).map(org.gtlens.Keyed::key)
            .toList(), explorer.figure().grid().all().stream().map(p -> p.title()).toList());
        explorer.choose(2, Kind.ATTENTION, "all", "all", ChartOptions.ValueScale.LINEAR,
            ChartOptions.RangeMode.SHARED);
        assertNull(explorer.error(), explorer.error());
        assertEquals("Head ablation of source row Row1", explorer.figure().grid().title());
        assertEquals(ChartOptions.RangeMode.PER_PANEL, explorer.figure().defaults().range(),
            "each metric keeps its own range");
    }

    /** Head scores drawn from the Extract node's table have the command line's panels: one per score, in order. */
    @Test
    void headScorePanelsAreTheCommandLines() throws Exception {
        BufferedDataTable table = (BufferedDataTable)NodeTestHarness.run(ExtractRepresentationsNodeTest.model(
            s -> s.addString("second_output", "head_scores")), TestSupport.defaultPort(),
            ExtractRepresentationsNodeTest.sequences("4,5,4,5,4", "4,5,5,5,4"))[1];
        HeatmapExplorer explorer = explore(table);
        assertEquals(FigureKind.HEAD_SCORES, explorer.figure().kind());
        assertEquals(java.util.Arrays.stream(org.gtlens.analysis.HeadScore.values()).map(org.gtlens.analysis.HeadScore::key)
            .toList(), explorer.figure().grid().all().stream().map(p -> p.title()).toList());
    }

    @Test
    void theExplorerPicksThePairsOfAPatchingTable() throws Exception {
        BufferedDataTable table = (BufferedDataTable)NodeTestHarness.run(PatchActivationsNodeTest.node(s -> { }),
            TestSupport.defaultPort(), PatchActivationsNodeTest.toyTable())[0];
        HeatmapExplorer explorer = explore(table);
        assertEquals(FigureKind.PATCHING_RESID, explorer.figure().kind());
        explorer.choose(1, Kind.ATTENTION, "all", "all", ChartOptions.ValueScale.LINEAR,
            ChartOptions.RangeMode.SHARED);
        assertNull(explorer.error(), explorer.error());
        assertEquals("Residual stream patching of source row 0", explorer.figure().grid().title());
        assertEquals(5, explorer.figure().grid().all().get(0).cols(), "pair 0 has 5 positions");
        assertTrue(explorer.figure().defaults().fixedRange());
    }
}
