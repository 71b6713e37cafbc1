package org.gtlens.knime.heatmap;

import java.util.List;

import org.gtlens.GtLensException;
import org.gtlens.chart.figures.Figure;
import org.gtlens.explorer.FigureSource;
import org.gtlens.model.Kind;
import org.gtlens.repr.IndexList;

/**
 * The view of a node that kept only the figure it drew (its table was larger than the view may keep, or the
 * workflow was saved before the view could explore): that one figure, and any other choice answered with why.
 */
final class FixedFigureSource implements FigureSource {

    private final Figure m_figure;

    private final String m_why;

    /** The blocks, heads and positions the figure was drawn with: the one choice this source can draw. */
    private final List<IndexList> m_drawn;

    FixedFigureSource(final Figure figure, final String why, final List<IndexList> drawn) {
        m_figure = figure;
        m_why = why == null ? "Only the configured figure was kept." : why;
        m_drawn = List.copyOf(drawn);
    }

    @Override
    public int size() {
        return 1;
    }

    @Override
    public String label(final int index) {
        return m_figure.grid().title();
    }

    @Override
    public List<Kind> kinds() {
        Kind kind = m_figure.representation();
        return List.of(kind == null ? Kind.ATTENTION : kind);
    }

    @Override
    public Figure figure(final int index, final Kind kind, final IndexList blocks, final IndexList heads)
        throws GtLensException {
        return figure(index, kind, blocks, heads, IndexList.ALL);
    }

    @Override
    public Figure figure(final int index, final Kind kind, final IndexList blocks, final IndexList heads,
        final IndexList positions) throws GtLensException {
        if (!List.of(blocks, heads, positions).equals(m_drawn)) {
            throw new GtLensException(m_why);
        }
        return m_figure;
    }
}
