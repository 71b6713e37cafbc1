package org.gtlens.knime.heatmap;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.gtlens.causal.PatchSite;
import org.gtlens.chart.figures.FigureKind;
import org.gtlens.chart.tables.TableEntry;
import org.gtlens.chart.tables.TableLayout;
import org.gtlens.knime.table.KnimeTables;
import org.gtlens.table.Tables;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.StringValue;
import org.knime.core.node.InvalidSettingsException;

/**
 * The Heatmap View's columns bound to a table spec, and the figure entries of a row. An automatic (empty) row,
 * column or value column is taken from the table: a head-score or lens-statistic table draws as that summary, a
 * matrix-layout table spreads its {@code c0, c1, ...} columns over the matrix columns, an aggregated table draws its
 * means, any other its Row, Column and Value columns (by title or CSV key). A head-ablation table (a Metric column)
 * draws one block x head panel per metric; a patching table (a Site column) draws block x position for its resid
 * rows and block x head for its head rows, the site standing in an entry's kind.
 *
 * @param kind      the kind column, or -1
 * @param source    the source column (source row ID or group), or -1
 * @param facetRows the panel-rows column, or -1
 * @param facetCols the panel-columns column, or -1
 * @param row       the matrix-row column
 * @param col       the matrix-column column, or -1 for a matrix-layout table
 * @param values    the value column, or the {@code c0..} columns of a matrix-layout table
 * @param rowLabel  the row-label column, or -1
 * @param colLabel  the column-label column, or -1
 * @param block     the block column, or -1
 * @param head      the head column, or -1
 * @param site      the site column of a patching table, or -1
 * @param figure    the summary it draws, or null for representations (then the chosen kind says)
 * @param layout    names and filters of its figures
 */
record HeatmapColumns(int kind, int source, int facetRows, int facetCols, int row, int col, int[] values,
    int rowLabel, int colLabel, int block, int head, int site, FigureKind figure, TableLayout layout) {

    /** The largest matrix row or column an entry may have (a guard against columns of other numbers). */
    private static final int MAX_INDEX = 100_000;

    /**
     * @param settings the node's settings
     * @param spec the input spec
     * @return the bound columns
     * @throws InvalidSettingsException naming a missing column or one of the wrong type
     */
    static HeatmapColumns bind(final HeatmapSettings settings, final DataTableSpec spec)
        throws InvalidSettingsException {
        String rowName = HeatmapSettings.chosen(settings.m_rowCol, Tables.ROW);
        String colName = HeatmapSettings.chosen(settings.m_colCol, Tables.COL);
        String valueName = HeatmapSettings.chosen(settings.m_valueCol, Tables.VALUE);
        String facetRowsName = HeatmapSettings.column(settings.m_facetRows);
        String facetColsName = HeatmapSettings.column(settings.m_facetCols);
        FigureKind figure = null;
        boolean automatic = rowName == null && colName == null && valueName == null;
        if (automatic && KnimeTables.find(spec, Tables.ROW) < 0 && KnimeTables.find(spec, Tables.SCORE) >= 0) {
            figure = FigureKind.HEAD_SCORES;
            rowName = Tables.BLOCK.title();
            colName = Tables.HEAD.title();
            facetRowsName = null;
            facetColsName = Tables.SCORE.title();
        } else if (automatic && KnimeTables.find(spec, Tables.ROW) < 0 && KnimeTables.find(spec, Tables.STAT) >= 0) {
            figure = FigureKind.LENS_STATS;
            rowName = Tables.BLOCK.title();
            colName = Tables.POSITION.title();
            facetRowsName = null;
            facetColsName = Tables.STAT.title();
        } else if (automatic && KnimeTables.find(spec, Tables.ROW) < 0 && KnimeTables.find(spec, Tables.METRIC) >= 0) {
            figure = FigureKind.HEAD_ABLATION;
            rowName = Tables.BLOCK.title();
            colName = Tables.HEAD.title();
            facetRowsName = null;
            facetColsName = Tables.METRIC.title();
        } else if (automatic && KnimeTables.find(spec, Tables.ROW) < 0 && KnimeTables.find(spec, Tables.SITE) >= 0) {
            figure = FigureKind.PATCHING_RESID; // or PATCHING_HEAD, by the sites the table has (TableFigureSource)
            rowName = Tables.BLOCK.title();
            colName = Tables.POSITION.title();
            facetRowsName = null;
            facetColsName = null;
        }
        boolean patching = figure == FigureKind.PATCHING_RESID;
        int[] matrix = colName == null && valueName == null && KnimeTables.find(spec, Tables.COL) < 0
            ? matrixColumns(spec) : new int[0];
        rowName = rowName != null ? rowName : Tables.ROW.title();
        int row = numeric(spec, rowName, "row");
        int col = -1;
        int[] values;
        if (matrix.length > 0) {
            values = matrix;
        } else {
            colName = colName != null ? colName : Tables.COL.title();
            valueName = valueName != null ? valueName : KnimeTables.find(spec, Tables.VALUE) < 0
                && KnimeTables.find(spec, Tables.MEAN) >= 0 ? Tables.MEAN.title() : Tables.VALUE.title();
            col = numeric(spec, colName, "column");
            values = new int[]{numeric(spec, valueName, "value")};
        }
        int source = KnimeTables.find(spec, Tables.SEQUENCE);
        if (source < 0) {
            source = KnimeTables.find(spec, Tables.PAIR); // patching tables: one source per pair
        }
        if (source < 0) {
            source = KnimeTables.find(spec, Tables.GROUP); // aggregated tables: one source per group
        }
        if (settings.sourceRow() != null && source < 0) {
            throw new InvalidSettingsException("Source row '" + settings.sourceRow() + "' is chosen but the input has "
                + "no column '" + Tables.SEQUENCE.title() + "' (or '" + Tables.SEQUENCE.key() + "', or a group "
                + "column); clear the source row to draw the mean over all rows.");
        }
        int kind = figure == null ? KnimeTables.find(spec, Tables.KIND) : -1;
        TableLayout layout = patching ? patchingLayout(FigureKind.PATCHING_RESID, source >= 0)
            : new TableLayout(figure == null ? null : figure.displayName(), rowName, col < 0 ? "Column" : colName,
                facetRowsName, facetColsName, kind >= 0, source >= 0,
                figure == null ? List.of() : figure.panelKeys());
        return new HeatmapColumns(kind, source, facet(spec, facetRowsName, "facet rows"),
            facet(spec, facetColsName, "facet columns"), row, col, values, stringColumn(spec, Tables.ROW_LABEL),
            stringColumn(spec, Tables.COL_LABEL), KnimeTables.find(spec, Tables.BLOCK),
            KnimeTables.find(spec, Tables.HEAD), patching ? KnimeTables.find(spec, Tables.SITE) : -1,
            figure, layout);
    }

    /**
     * The layout of a patching figure, with the command line's axis titles: the site stands in the entries' kind,
     * which filters the rows.
     */
    static TableLayout patchingLayout(final FigureKind kind, final boolean hasSource) {
        boolean resid = kind == FigureKind.PATCHING_RESID;
        return new TableLayout(kind.displayName(), resid ? "Stream entering block" : Tables.BLOCK.title(),
            resid ? Tables.POSITION.title() : Tables.HEAD.title(), null, null, true, hasSource);
    }

    /** The numeric columns c0, c1, ... of a matrix-layout table, in order; none for another table. */
    private static int[] matrixColumns(final DataTableSpec spec) {
        List<Integer> found = new ArrayList<>();
        for (int c = 0;; c++) {
            int i = spec.findColumnIndex("c" + c);
            if (i < 0 || !spec.getColumnSpec(i).getType().isCompatible(DoubleValue.class)) {
                break;
            }
            found.add(i);
        }
        return found.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int numeric(final DataTableSpec spec, final String name, final String role)
        throws InvalidSettingsException {
        int i = KnimeTables.find(spec, name, Tables.LONG);
        if (i < 0) {
            throw new InvalidSettingsException("The " + role + " column '" + name
                + "' does not exist in the input table; choose another one in the dialog.");
        }
        DataType t = spec.getColumnSpec(i).getType();
        if (!t.isCompatible(DoubleValue.class)) {
            throw new InvalidSettingsException("The " + role + " column '" + name + "' holds " + t.getName()
                + "; it must hold numbers.");
        }
        return i;
    }

    private static int facet(final DataTableSpec spec, final String name, final String role)
        throws InvalidSettingsException {
        if (name == null) {
            return -1;
        }
        int i = KnimeTables.find(spec, name, Tables.LONG);
        if (i < 0) {
            throw new InvalidSettingsException("The " + role + " column '" + name
                + "' does not exist in the input table; choose another one or none in the dialog.");
        }
        return i;
    }

    private static int stringColumn(final DataTableSpec spec, final org.gtlens.table.Column column) {
        int i = KnimeTables.find(spec, column);
        return i >= 0 && spec.getColumnSpec(i).getType().isCompatible(StringValue.class) ? i : -1;
    }

    /** Hands the entries of one row to {@code sink}: none when its row or value is missing or out of range. */
    void entries(final DataRow r, final Consumer<TableEntry> sink) {
        int ri = index(r.getCell(row));
        if (ri < 0) {
            return;
        }
        String k = kind >= 0 ? text(r.getCell(kind)) : site >= 0 ? text(r.getCell(site)) : "";
        String src = source >= 0 ? text(r.getCell(source)) : "";
        String fr = facetRows >= 0 ? text(r.getCell(facetRows)) : "";
        String fc = facetCols >= 0 ? text(r.getCell(facetCols)) : "";
        String rl = rowLabel >= 0 ? text(r.getCell(rowLabel)) : null;
        String cl = colLabel >= 0 ? text(r.getCell(colLabel)) : null;
        int b = block >= 0 ? index(r.getCell(block)) : -1;
        int h = head >= 0 ? index(r.getCell(head)) : -1;
        for (int j = 0; j < values.length; j++) {
            int ci = site >= 0 && PatchSite.HEAD.key().equals(k) ? h : col >= 0 ? index(r.getCell(col)) : j;
            DataCell v = r.getCell(values[j]);
            if (ci >= 0 && !v.isMissing()) {
                sink.accept(new TableEntry(k, src, fr, fc, ri, ci, ((DoubleValue)v).getDoubleValue(), rl,
                    col >= 0 ? cl : null, b, h));
            }
        }
    }

    /** A whole number in 0..{@link #MAX_INDEX}, or -1 (missing, not a number, out of range). */
    private static int index(final DataCell c) {
        if (c.isMissing() || !(c instanceof DoubleValue d)) {
            return -1;
        }
        long i = Math.round(d.getDoubleValue());
        return i < 0 || i > MAX_INDEX ? -1 : (int)i;
    }

    private static String text(final DataCell c) {
        if (c.isMissing()) {
            return "";
        }
        return c instanceof StringValue s ? s.getStringValue() : c.toString();
    }
}
