package org.gtlens.chart.tables;

import java.util.HashSet;
import java.util.Set;
import java.util.function.ToIntFunction;

import org.gtlens.GtLensException;
import org.gtlens.chart.data.HeatmapGrid;
import org.gtlens.model.Kind;

/**
 * One figure of a table: rows are filtered by kind, source, block and head, moved to the chosen matrix rows, shown
 * as the figure kind shows them (e.g. probabilities for log-probabilities) and averaged per cell of their panel, so
 * that a table of several sources gives the mean over them. The key columns of a causal kind end at the last position
 * drawn, even when the table keeps the masked cells.
 */
public final class TableFigureBuilder {

    /** What a cell shows of a stored value at (row, col) of its matrix. */
    @FunctionalInterface
    public interface Shown {
        double of(double stored, int row, int col);
    }

    private final TableLayout layout;
    private final String kind;
    private final String kindName;
    private final String source;
    private final Set<Integer> blocks;
    private final Set<Integer> heads;
    private final ToIntFunction<TableEntry> rowMap;
    private final Shown shown;
    private final FacetGrid grid = new FacetGrid();
    private final Set<String> sources = new HashSet<>();
    private boolean manySources;
    /** The largest matrix row drawn, whose causal columns end the figure's. */
    private int lastRow = -1;

    /**
     * @param layout how rows become the figure
     * @param kind   the kind to draw (its contract name), or null for any; without a kind column it only names
     *               the figure and its axes
     * @param source the source to draw, or null for the mean over all
     * @param blocks blocks to keep, or null for all
     * @param heads  heads to keep, or null for all
     * @param rowMap the figure row of an entry, -1 to leave it out; null keeps every row where it is
     * @param shown  what a cell shows of a stored value
     */
    public TableFigureBuilder(TableLayout layout, String kind, String source, Set<Integer> blocks,
            Set<Integer> heads, ToIntFunction<TableEntry> rowMap, Shown shown) {
        this.layout = layout;
        this.kind = layout.hasKind() ? kind : null;
        this.kindName = layout.summary() != null ? null : kind;
        this.source = source;
        this.blocks = blocks;
        this.heads = heads;
        this.rowMap = rowMap;
        this.shown = shown;
    }

    /** Adds one row of the table, unless a filter leaves it out. */
    public void add(TableEntry e) {
        if (kind != null && !kind.equalsIgnoreCase(e.kind())) {
            return;
        }
        if (blocks != null && !blocks.contains(e.block()) || heads != null && e.head() >= 0
                && !heads.contains(e.head())) {
            return;
        }
        if (layout.hasSource()) {
            if (source != null && !source.equals(e.source())) {
                return;
            }
            if (!manySources && sources.add(e.source()) && sources.size() > 100_000) {
                manySources = true;
                sources.clear();
            }
        }
        int row = rowMap == null ? e.row() : rowMap.applyAsInt(e);
        if (row < 0) {
            return;
        }
        lastRow = Math.max(lastRow, e.row());
        grid.panel(e.facetRow(), e.facetCol()).add(row, e.col(), shown.of(e.value(), e.row(), e.col()),
                e.rowLabel(), e.colLabel());
    }

    /**
     * @return the figure's grid
     * @throws GtLensException when no row passed the filters, in one sentence naming them
     */
    public HeatmapGrid build() throws GtLensException {
        if (grid.isEmpty()) {
            StringBuilder b = new StringBuilder("No rows to draw");
            if (kind != null) {
                b.append(" of kind '").append(kind).append('\'');
            }
            if (source != null) {
                b.append(kind != null ? " and" : "").append(" from source row '").append(source).append('\'');
            }
            throw new GtLensException(b.append(" in the input table.").toString());
        }
        Kind k = kindName == null ? null : Kind.fromContractName(kindName);
        String rowAxis = k != null ? k.rowAxis().title() : layout.rowAxis();
        String colAxis = k != null ? k.colAxis().title() : layout.colAxis();
        // the key columns of a causal kind end where the last row drawn sees, as in the figures of a sequence
        int cols = k != null ? k.visibleColumns(lastRow, Integer.MAX_VALUE) : Integer.MAX_VALUE;
        return HeatmapGrid.of(title(), grid.panels(layout.facetRowsName(), layout.facetColsName(), layout.facetColOrder(), cols), rowAxis,
                colAxis);
    }

    private String title() {
        String what = layout.summary() != null ? layout.summary() : kindName == null ? "Heatmap"
                : kindName.substring(0, 1).toUpperCase() + kindName.substring(1);
        if (source != null) {
            return what + " of source row " + source;
        }
        if (layout.hasSource() && !manySources && sources.size() > 1) {
            return what + ", mean over " + sources.size() + " source rows";
        }
        return what;
    }
}
