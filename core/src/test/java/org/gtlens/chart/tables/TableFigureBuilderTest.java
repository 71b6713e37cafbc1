package org.gtlens.chart.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.gtlens.GtLensException;
import org.gtlens.chart.data.HeatmapGrid;
import org.gtlens.chart.figures.FigureKind;
import org.junit.jupiter.api.Test;

/**
 * Rows of a long table into a grid of heatmaps: filters, the mean per cell over sources, facets in natural order,
 * each kind shown as its figure kind shows it, and one sentence when nothing is left.
 */
class TableFigureBuilderTest {

    private static final TableLayout LAYOUT = new TableLayout(null, "Row", "Column", "Block", "Head", true, true);

    private static TableEntry entry(String kind, String source, int block, int head, int row, int col, double v) {
        return new TableEntry(kind, source, Integer.toString(block), Integer.toString(head), row, col, v, null, null,
                block, head);
    }

    @Test
    void averagesEachCellOverSourcesAndOrdersFacetsByValue() throws GtLensException {
        TableFigureBuilder b = new TableFigureBuilder(LAYOUT, "out", null, null, null, null, FigureKind.OUT::shown);
        for (int block : new int[] {10, 2}) {
            b.add(entry("out", "a", block, 0, 0, 1, 1.0));
            b.add(entry("out", "b", block, 0, 0, 1, 3.0));
            b.add(entry("attention", "b", block, 0, 0, 1, 99.0));
        }
        HeatmapGrid g = b.build();
        assertEquals(List.of("Block 2 \u00b7 Head 0", "Block 10 \u00b7 Head 0"),
                g.all().stream().map(p -> p.title()).toList(), "numbers by value, not as text");
        assertEquals(2.0f, g.panel(0, 0).value(0, 1));
        assertTrue(Float.isNaN(g.panel(0, 0).value(0, 0)), "a cell no row falls on has no value");
        assertEquals("Out, mean over 2 source rows", g.title());
    }

    @Test
    void logProbabilitiesAreShownAsProbabilitiesAndMaskedCellsAsNoValue() throws GtLensException {
        TableFigureBuilder b = new TableFigureBuilder(LAYOUT, "logprobs", "a", Set.of(0), null, null,
                FigureKind.PROBABILITIES::shown);
        b.add(entry("logprobs", "a", 0, -1, 1, 0, Math.log(0.25)));
        b.add(entry("logprobs", "a", 1, -1, 1, 0, Math.log(0.5)));
        assertEquals(0.25f, b.build().panel(0, 0).value(1, 0), 1e-6f);
        TableFigureBuilder attention = new TableFigureBuilder(LAYOUT, "attention", null, null, null, null,
                FigureKind.ATTENTION::shown);
        attention.add(entry("attention", "a", 0, 0, 0, 1, 0.0));
        attention.add(entry("attention", "a", 0, 0, 1, 1, 1.0));
        assertTrue(Float.isNaN(attention.build().panel(0, 0).value(0, 1)), "above the diagonal the mask hides it");
    }

    /**
     * A table that keeps the masked cells (zeros right of the diagonal) draws the key columns of its causal rows only:
     * up to the last position drawn, as the figures of a sequence do.
     */
    @Test
    void causalKeyColumnsEndAtTheLastPositionDrawn() throws GtLensException {
        TableFigureBuilder b = new TableFigureBuilder(LAYOUT, "attention", null, null, null,
                e -> e.row() == 2 || e.row() == 5 ? e.row() / 3 : -1, FigureKind.ATTENTION::shown);
        TableFigureBuilder keys = new TableFigureBuilder(LAYOUT, "keys", null, null, null, null,
                FigureKind.KEYS::shown);
        for (int row = 0; row < 8; row++) {
            for (int col = 0; col < 8; col++) {
                b.add(entry("attention", "a", 0, 0, row, col, col > row ? 0.0 : 1.0 / (row + 1)));
                keys.add(entry("keys", "a", 0, 0, row, col, 1.0));
            }
        }
        HeatmapGrid g = b.build();
        assertEquals(2, g.panel(0, 0).rows());
        assertEquals(6, g.panel(0, 0).cols(), "positions 2 and 5 see keys 0..5");
        assertEquals(1 / 6f, g.panel(0, 0).value(1, 5), 1e-6f);
        assertTrue(Float.isNaN(g.panel(0, 0).value(0, 3)), "right of position 2's diagonal: no value");
        assertEquals(8, keys.build().panel(0, 0).cols(), "a kind without a mask keeps its columns");
    }

    @Test
    void nothingLeftToDrawIsOneSentence() {
        TableFigureBuilder b = new TableFigureBuilder(LAYOUT, "out", "Row9", null, null, null, FigureKind.OUT::shown);
        b.add(entry("out", "a", 0, 0, 0, 0, 1.0));
        GtLensException e = assertThrows(GtLensException.class, b::build);
        assertEquals("No rows to draw of kind 'out' and from source row 'Row9' in the input table.", e.getMessage());
    }
}
