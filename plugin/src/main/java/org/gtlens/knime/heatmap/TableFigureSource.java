package org.gtlens.knime.heatmap;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.gtlens.GtLensException;
import org.gtlens.chart.figures.Figure;
import org.gtlens.chart.figures.FigureChoices;
import org.gtlens.chart.figures.FigureKind;
import org.gtlens.chart.tables.TableEntry;
import org.gtlens.chart.tables.TableFigureBuilder;
import org.gtlens.chart.tables.TableLayout;
import org.gtlens.causal.PatchSite;
import org.gtlens.explorer.FigureSource;
import org.gtlens.model.Kind;
import org.gtlens.repr.IndexList;
import org.knime.core.data.DataRow;
import org.knime.core.node.CanceledExecutionException;

/**
 * The figures of a table, read again for each: the node's image (the settings' figure) and the view's, which may
 * pick any source (the mean over all first, when there are several), kind, block, head and positions. Each kind is
 * drawn as its {@link FigureKind} draws it, with the settings' choices.
 */
final class TableFigureSource implements FigureSource {

    /** Every row of the table, once per call. */
    @FunctionalInterface
    interface Rows {
        void each(Consumer<DataRow> sink) throws CanceledExecutionException;
    }

    private final HeatmapColumns m_columns;

    private final FigureChoices m_choices;

    private final String m_kind;

    private final Rows m_rows;

    private final TableIndex m_index = new TableIndex();

    private final List<String> m_sources;

    private final boolean m_mean;

    /**
     * Reads the table once for its sources, kinds, blocks, heads and positions.
     *
     * @param columns the table's bound columns
     * @param choices the settings' choices
     * @param kind the settings' kind (names the figure of a table without a kind column), or null for any
     * @param rows the table's rows
     * @throws CanceledExecutionException if canceled while reading
     */
    TableFigureSource(final HeatmapColumns columns, final FigureChoices choices, final String kind, final Rows rows)
        throws CanceledExecutionException {
        m_columns = columns;
        m_choices = choices;
        m_kind = kind;
        m_rows = rows;
        rows.each(r -> columns.entries(r, m_index::add));
        m_sources = columns.source() >= 0 ? m_index.sources() : List.of();
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
            for (String k : m_index.kinds()) {
                Kind kind = Kind.fromContractName(k);
                if (kind != null && !kinds.contains(kind)) {
                    kinds.add(kind);
                }
            }
        }
        if (kinds.isEmpty()) {
            Kind kind = m_kind == null ? null : Kind.fromContractName(m_kind);
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
        String source = m_mean && index == 0 ? null : m_sources.get(index - (m_mean ? 1 : 0));
        try {
            return draw(m_columns.kind() >= 0 ? kind.contractName() : m_kind, source, blocks, heads, positions);
        } catch (CanceledExecutionException e) {
            throw new GtLensException("Drawing was canceled.");
        }
    }

    /**
     * @param kind the kind to draw (contract name), or null for any
     * @param source the source row or group, or null for the mean over all
     * @return the figure, with the options it is drawn with
     * @throws GtLensException for a choice beyond the table, or when no row is left to draw
     * @throws CanceledExecutionException if canceled while reading
     */
    Figure draw(final String kind, final String source, final IndexList blocks, final IndexList heads,
        final IndexList positions) throws GtLensException, CanceledExecutionException {
        try {
            positions.check(m_index.maxRow() + 1, "position", "the longest sequence of the table has positions 0.."
                + m_index.maxRow());
        } catch (IllegalArgumentException e) {
            throw new GtLensException(e.getMessage() + ".");
        }
        FigureKind fk = m_columns.figure() != null ? m_columns.figure() : FigureKind.ofContractName(kind);
        TableLayout layout = m_columns.layout();
        String filter = kind;
        if (m_columns.site() >= 0) { // patching: the site the kind setting names, else resid when the table has it
            boolean hasHead = m_index.kinds().contains(PatchSite.HEAD.key());
            boolean head = hasHead && (PatchSite.HEAD.key().equals(kind)
                || !m_index.kinds().contains(PatchSite.RESID.key()));
            fk = head ? FigureKind.PATCHING_HEAD : FigureKind.PATCHING_RESID;
            filter = head ? PatchSite.HEAD.key() : PatchSite.RESID.key();
            layout = HeatmapColumns.patchingLayout(fk, m_columns.source() >= 0);
        }
        TableFigureBuilder builder = new TableFigureBuilder(layout, filter, source,
            chosen(blocks, m_index.maxBlock(), "block"), chosen(heads, m_index.maxHead(), "head"),
            m_index.rows(positions), fk::shown);
        Consumer<TableEntry> add = builder::add;
        m_rows.each(r -> m_columns.entries(r, add));
        Figure figure = new Figure(fk, builder.build());
        // the panels of a summary are different quantities: each keeps its own range whatever the settings say
        FigureChoices choices = fk.panelsDiffer() ? new FigureChoices(m_choices.palette(), m_choices.valueScale(),
            null, m_choices.labels(), m_choices.flipRows(), m_choices.zoom(), m_choices.width(), m_choices.height())
            : m_choices;
        return new Figure(fk, figure.grid(), choices.apply(figure));
    }

    private static Set<Integer> chosen(final IndexList list, final int max, final String what)
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
