package org.gtlens.knime.heatmap;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.gtlens.GtLensException;
import org.gtlens.chart.figures.Figure;
import org.gtlens.chart.options.ChartOptions;
import org.gtlens.explorer.FigureSource;
import org.gtlens.explorer.HeatmapExplorer;
import org.gtlens.model.Kind;
import org.gtlens.repr.IndexList;
import org.knime.core.node.InvalidSettingsException;

/**
 * The view's figures, with the two the explorer draws when it opens (its first figure, then the settings' choice)
 * drawn beforehand, off the event thread; any other choice is drawn when picked.
 */
final class ViewFigures implements FigureSource {

    private final TableFigureSource m_source;

    private final Map<List<String>, Object> m_drawn = new HashMap<>();

    private final int m_item;

    private final Kind m_kind;

    private final List<IndexList> m_lists;

    private final ChartOptions.ValueScale m_scale;

    private final ChartOptions.RangeMode m_range;

    /** Draws the figures the explorer opens with (slow: reads the table for each). */
    ViewFigures(final TableFigureSource source, final HeatmapSettings settings) {
        m_source = source;
        m_item = Math.max(0, source.indexOf(settings.sourceRow()));
        Kind kind = settings.kind() == null ? null : Kind.fromContractName(settings.kind());
        m_kind = source.kinds().contains(kind) ? kind : null;
        List<IndexList> lists;
        ChartOptions.ValueScale scale;
        try {
            lists = List.of(settings.blocks(), settings.heads(), settings.positions());
            scale = settings.choices().valueScale();
        } catch (InvalidSettingsException e) {
            lists = List.of(IndexList.ALL, IndexList.ALL, IndexList.ALL); // checked at execute; the explorer's own
            scale = ChartOptions.ValueScale.LINEAR;
        }
        m_lists = lists;
        m_scale = scale;
        remember(0, source.kinds().get(0), IndexList.ALL, IndexList.ALL, IndexList.ALL);
        Object chosen = remember(m_item, m_kind != null ? m_kind : source.kinds().get(0), lists.get(0), lists.get(1),
            lists.get(2));
        m_range = chosen instanceof Figure f ? f.defaults().range() : ChartOptions.RangeMode.SHARED;
    }

    private Object remember(final int item, final Kind kind, final IndexList blocks, final IndexList heads,
        final IndexList positions) {
        return m_drawn.computeIfAbsent(key(item, kind, blocks, heads, positions), k -> {
            try {
                return m_source.figure(item, kind, blocks, heads, positions);
            } catch (GtLensException e) {
                return e;
            }
        });
    }

    private static List<String> key(final int item, final Kind kind, final IndexList blocks, final IndexList heads,
        final IndexList positions) {
        return List.of(Integer.toString(item), String.valueOf(kind), blocks.toString(), heads.toString(),
            positions.toString());
    }

    /** Sets the explorer's pickers to the settings' choice (on the event thread; the figure is drawn already). */
    void choose(final HeatmapExplorer explorer) {
        explorer.choose(m_item, m_kind, m_lists.get(0).toString(), m_lists.get(1).toString(),
            m_lists.get(2).toString(), m_scale, m_range);
    }

    @Override
    public int size() {
        return m_source.size();
    }

    @Override
    public String label(final int index) {
        return m_source.label(index);
    }

    @Override
    public String itemName() {
        return m_source.itemName();
    }

    @Override
    public List<Kind> kinds() {
        return m_source.kinds();
    }

    @Override
    public Figure figure(final int index, final Kind kind, final IndexList blocks, final IndexList heads)
        throws GtLensException {
        return figure(index, kind, blocks, heads, IndexList.ALL);
    }

    @Override
    public Figure figure(final int index, final Kind kind, final IndexList blocks, final IndexList heads,
        final IndexList positions) throws GtLensException {
        Object drawn = m_drawn.get(key(index, kind, blocks, heads, positions));
        if (drawn instanceof Figure f) {
            return f;
        }
        if (drawn instanceof GtLensException e) {
            throw new GtLensException(e.getMessage());
        }
        return m_source.figure(index, kind, blocks, heads, positions);
    }
}
