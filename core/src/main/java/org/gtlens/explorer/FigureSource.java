package org.gtlens.explorer;

import java.util.List;

import org.gtlens.GtLensException;
import org.gtlens.chart.figures.Figure;
import org.gtlens.model.Kind;
import org.gtlens.repr.IndexList;

/**
 * What the explorer shows: a list of items (sequences, or groups of an aggregated table), the kinds each can be drawn
 * as, and the figure of one item, kind, and choice of blocks and heads. Implementations extract on demand (the command
 * line) or read a table kept by a node; the explorer only asks for the figure on screen.
 */
public interface FigureSource {

    /** How many items there are (at least 1). */
    int size();

    /** What the item picker shows for item {@code index}, e.g. "row 3 · 4,5,5,5,4" or "group cats". */
    String label(int index);

    /** The kinds that can be drawn, in picker order. */
    List<Kind> kinds();

    /** What the item picker is called: "Sequence" or "Group". */
    default String itemName() {
        return "Sequence";
    }

    /**
     * The figure of one item.
     *
     * @throws GtLensException with one sentence when the choice does not fit (e.g. a block the model lacks)
     */
    Figure figure(int index, Kind kind, IndexList blocks, IndexList heads) throws GtLensException;

    /**
     * The figure of one item with only some matrix rows (positions, e.g. {@code last}); sources that cannot choose
     * rows draw them all and say so for any other choice.
     *
     * @throws GtLensException with one sentence when the choice does not fit
     */
    default Figure figure(int index, Kind kind, IndexList blocks, IndexList heads, IndexList positions)
            throws GtLensException {
        if (!positions.isAll()) {
            throw new GtLensException("Positions cannot be chosen here; all are drawn.");
        }
        return figure(index, kind, blocks, heads);
    }
}
