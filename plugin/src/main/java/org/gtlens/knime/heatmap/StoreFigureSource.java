package org.gtlens.knime.heatmap;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.gtlens.GtLensException;
import org.gtlens.chart.options.ChartOptions;
import org.gtlens.chart.figures.Figure;
import org.gtlens.chart.data.HeatmapGrid;
import org.gtlens.explorer.FigureSource;
import org.gtlens.model.Kind;
import org.gtlens.repr.IndexList;
import org.knime.core.node.InvalidSettingsException;

/**
 * The view's figures from the node's copy of its table: the mean over all source rows (when there are several) and
 * each source row or group, every kind in the table, any blocks and heads, drawn with the node's settings.
 */
final class StoreFigureSource implements FigureSource {

    private final HeatmapSettings m_settings;

    private final HeatmapBuilder.Columns m_columns;

    private final TableStore m_store;

    private final ChartOptions m_options;

    private final List<String> m_sources;

    private final boolean m_mean;

    StoreFigureSource(final HeatmapSettings settings, final HeatmapBuilder.Columns columns, final TableStore store,
        final ChartOptions options) {
        m_settings = settings;
        m_columns = columns;
        m_store = store;
        m_options = options;
        m_sources = columns.source() >= 0 ? store.sources() : List.of();
        m_mean = m_sources.size() != 1;
    }

    @Override
    public int size() {
        return m_sources.size() + (m_mean ? 1 : 0);
    }

    @Override
    public String label(final int index) {
        if (m_mean && index == 0) {
            return m_sources.isEmpty() ? "All rows" : "Mean over " + m_sources.size() + " source rows";
        }
        return m_sources.get(index - (m_mean ? 1 : 0));
    }

    @Override
    public String itemName() {
        return "Source row";
    }

    /** @return the item of a source row ID (the mean for null), or -1 */
    int indexOf(final String source) {
        if (source == null) {
            return m_mean ? 0 : -1;
        }
        int i = m_sources.indexOf(source);
        return i < 0 ? -1 : i + (m_mean ? 1 : 0);
    }

    @Override
    public List<Kind> kinds() {
        List<Kind> kinds = new ArrayList<>();
        if (m_columns.kind() >= 0) {
            for (String k : m_store.kinds()) {
                Kind kind = Kind.fromContractName(k);
                if (kind != null && !kinds.contains(kind)) {
                    kinds.add(kind);
                }
            }
        }
        if (kinds.isEmpty()) {
            String k = m_settings.kind();
            Kind kind = k == null ? null : Kind.fromContractName(k);
            kinds.add(kind == null ? Kind.ATTENTION : kind);
        }
        return kinds;
    }

    @Override
    public Figure figure(final int index, final Kind kind, final IndexList blocks, final IndexList heads)
        throws GtLensException {
        return figure(index, kind, blocks, heads, IndexList.ALL);
    }

    @Override
    public Figure figure(final int index, final Kind kind, final IndexList blocks, final IndexList heads,
        final IndexList positions) throws GtLensException {
        checkRows(positions, m_store.maxRow());
        String source = m_mean && index == 0 ? null : m_sources.get(index - (m_mean ? 1 : 0));
        HeatmapBuilder builder = new HeatmapBuilder(m_settings, m_columns, m_columns.kind() >= 0
            ? kind.contractName() : m_settings.kind(), source, chosen(blocks, m_store.maxBlock(), "block"),
            chosen(heads, m_store.maxHead(), "head"), m_store.rows(positions));
        m_store.replay(builder::add);
        try {
            HeatmapGrid grid = builder.build();
            ChartOptions options = builder.isSummary() ? m_options.toBuilder().range(ChartOptions.RangeMode.PER_PANEL).build()
                : m_options;
            return new Figure(org.gtlens.chart.figures.FigureKind.of(kind), grid, options);
        } catch (InvalidSettingsException e) {
            throw new GtLensException(e.getMessage());
        }
    }

    /** Explicit positions beyond every sequence of the table are a mistake, said in one sentence. */
    static void checkRows(final IndexList positions, final int maxRow) throws GtLensException {
        try {
            positions.check(maxRow + 1, "position", "the longest sequence of the table has positions 0.." + maxRow);
        } catch (IllegalArgumentException e) {
            throw new GtLensException(e.getMessage() + ".");
        }
    }

    static Set<Integer> chosen(final IndexList list, final int max, final String what)
        throws GtLensException {
        if (list.isAll() || max < 0) {
            return null;
        }
        try {
            list.check(max + 1, what, "the table has " + what + "s 0.." + max);
        } catch (IllegalArgumentException e) {
            throw new GtLensException(e.getMessage() + ".");
        }
        Set<Integer> set = new HashSet<>();
        for (int i : list.resolve(max + 1)) {
            set.add(i);
        }
        return set;
    }
}
