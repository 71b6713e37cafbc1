package org.gtlens.knime.heatmap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.gtlens.chart.data.HeatmapGrid;
import org.gtlens.chart.data.HeatmapPanelData;
import org.gtlens.knime.table.KnimeTables;
import org.gtlens.model.Kind;
import org.gtlens.table.Column;
import org.gtlens.table.Tables;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.StringValue;
import org.knime.core.node.InvalidSettingsException;

/**
 * Turns a long-layout table into a grid of heatmaps: rows are filtered by kind and source row, grouped into panels
 * by the two facet columns, and values that land on the same cell of a panel are averaged (so an unfiltered table
 * gives the mean over all source rows). Memory grows with the number of distinct cells, not with the table.
 */
final class HeatmapBuilder {

    /** Column indices resolved against a spec. */
    record Columns(int kind, int source, int facetRows, int facetCols, int row, int col, int value, int rowLabel,
        int colLabel, String title, String rowAxis, String colAxis, String facetRowsName, String facetColsName,
        int block, int head) {

        /**
         * The parts of one input row a figure uses, or null when its row, column or value is missing or out of
         * range.
         */
        Entry entry(final DataRow r) {
            DataCell rc = r.getCell(row);
            DataCell cc = r.getCell(col);
            DataCell vc = r.getCell(value);
            if (rc.isMissing() || cc.isMissing() || vc.isMissing()) {
                return null;
            }
            int ri = (int)Math.round(((DoubleValue)rc).getDoubleValue());
            int ci = (int)Math.round(((DoubleValue)cc).getDoubleValue());
            if (ri < 0 || ci < 0 || ri > 100_000 || ci > 100_000) {
                return null;
            }
            return new Entry(kind >= 0 ? text(r.getCell(kind)) : "", source >= 0 ? text(r.getCell(source)) : "",
                facetValue(r, facetRows), facetValue(r, facetCols), ri, ci, ((DoubleValue)vc).getDoubleValue(),
                rowLabel >= 0 ? text(r.getCell(rowLabel)) : null, colLabel >= 0 ? text(r.getCell(colLabel)) : null,
                index(r, block), index(r, head));
        }

        /** Writes the columns for the node's internals. */
        void write(final java.io.DataOutputStream out) throws java.io.IOException {
            for (int i : new int[]{kind, source, facetRows, facetCols, row, col, value, rowLabel, colLabel, block,
                head}) {
                out.writeInt(i);
            }
            for (String t : new String[]{title, rowAxis, colAxis, facetRowsName, facetColsName}) {
                out.writeBoolean(t != null);
                if (t != null) {
                    out.writeUTF(t);
                }
            }
        }

        /** Reads what {@link #write} wrote. */
        static Columns read(final java.io.DataInputStream in) throws java.io.IOException {
            int[] i = new int[11];
            for (int j = 0; j < i.length; j++) {
                i[j] = in.readInt();
            }
            String[] t = new String[5];
            for (int j = 0; j < t.length; j++) {
                t[j] = in.readBoolean() ? in.readUTF() : null;
            }
            return new Columns(i[0], i[1], i[2], i[3], i[4], i[5], i[6], i[7], i[8], t[0], t[1], t[2], t[3], t[4],
                i[9], i[10]);
        }

        private static int index(final DataRow r, final int col) {
            if (col < 0 || r.getCell(col).isMissing() || !(r.getCell(col) instanceof DoubleValue d)) {
                return -1;
            }
            return (int)Math.round(d.getDoubleValue());
        }
    }

    /**
     * What a figure takes from one input row: kind and source ("" without those columns), facet values, matrix
     * row and column, the value, labels (null without label columns), block and head (-1 without those columns).
     */
    record Entry(String kind, String source, String facetRow, String facetCol, int row, int col, double value,
        String rowLabel, String colLabel, int block, int head) {
    }

    private static final class Panel {
        final Map<Long, double[]> m_cells = new HashMap<>();

        final Map<Integer, String> m_rowLabels = new HashMap<>();

        final Map<Integer, String> m_colLabels = new HashMap<>();

        int m_rows;

        int m_cols;
    }

    private final HeatmapSettings m_settings;

    private final Columns m_columns;

    private final String m_kind;

    /** The chosen kind, also when the table has no Kind column (then it only names the figure and its axes). */
    private final String m_kindName;

    private final String m_source;

    private final Map<List<String>, Panel> m_panels = new LinkedHashMap<>();

    private long m_used;

    private final java.util.Set<String> m_sources = new java.util.HashSet<>();

    private boolean m_manySources;

    /** Blocks and heads to keep (null keeps all). */
    private final java.util.Set<Integer> m_blocks;

    private final java.util.Set<Integer> m_heads;

    private final java.util.function.ToIntFunction<Entry> m_rowMap;

    HeatmapBuilder(final HeatmapSettings settings, final DataTableSpec spec) throws InvalidSettingsException {
        this(settings, resolve(settings, spec), settings.kind(), settings.sourceRow(), null, null);
    }

    /**
     * A builder for one figure of resolved columns: one kind (null for any), one source (null for the mean over
     * all), and only the given blocks and heads (null for all).
     */
    HeatmapBuilder(final HeatmapSettings settings, final Columns columns, final String kind, final String source,
        final java.util.Set<Integer> blocks, final java.util.Set<Integer> heads) {
        this(settings, columns, kind, source, blocks, heads, null);
    }

    /**
     * A builder that also picks matrix rows: {@code rows} gives the row of the figure an entry goes to, or -1 to
     * leave it out (null keeps every row where it is).
     */
    HeatmapBuilder(final HeatmapSettings settings, final Columns columns, final String kind, final String source,
        final java.util.Set<Integer> blocks, final java.util.Set<Integer> heads,
        final java.util.function.ToIntFunction<Entry> rows) {
        m_rowMap = rows;
        m_settings = settings;
        m_columns = columns;
        m_kind = m_columns.kind() >= 0 ? kind : null;
        m_kindName = m_columns.title() != null ? null : kind;
        m_source = source;
        m_blocks = blocks;
        m_heads = heads;
    }

    Columns columns() {
        return m_columns;
    }

    /**
     * Checks the settings against a spec (configure time).
     *
     * @param settings the settings
     * @param spec the input spec
     * @return the resolved columns
     * @throws InvalidSettingsException naming a missing column or one of the wrong type
     */
    static Columns resolve(final HeatmapSettings settings, final DataTableSpec spec) throws InvalidSettingsException {
        String rowName = settings.m_rowCol.getStringValue();
        String colName = settings.m_colCol.getStringValue();
        String valueName = settings.m_valueCol.getStringValue();
        String facetRowsName = HeatmapSettings.column(settings.m_facetRows);
        String facetColsName = HeatmapSettings.column(settings.m_facetCols);
        String title = null;
        // a summary table drawn with the settings of a representation table: draw it the way it is meant
        boolean defaults = rowName.equals(Tables.ROW.title()) && colName.equals(Tables.COL.title())
            && valueName.equals(Tables.VALUE.title());
        if (defaults && KnimeTables.find(spec, Tables.ROW) < 0) {
            if (KnimeTables.find(spec, Tables.SCORE) >= 0) {
                rowName = Tables.BLOCK.title();
                colName = Tables.HEAD.title();
                facetRowsName = null;
                facetColsName = Tables.SCORE.title();
                title = "Head scores";
            } else if (KnimeTables.find(spec, Tables.STAT) >= 0) {
                rowName = Tables.BLOCK.title();
                colName = Tables.POSITION.title();
                facetRowsName = null;
                facetColsName = Tables.STAT.title();
                title = "Logit-lens statistics";
            }
        }
        // an aggregated table has means, not values
        if (valueName.equals(Tables.VALUE.title()) && KnimeTables.find(spec, Tables.VALUE) < 0
            && KnimeTables.find(spec, Tables.MEAN) >= 0) {
            valueName = Tables.MEAN.title();
        }
        int row = numeric(spec, rowName, "row");
        int col = numeric(spec, colName, "column");
        int value = numeric(spec, valueName, "value");
        int facetRows = facet(spec, facetRowsName, "facet rows");
        int facetCols = facet(spec, facetColsName, "facet columns");
        int source = KnimeTables.find(spec, Tables.SEQUENCE);
        if (source < 0) {
            source = KnimeTables.find(spec, Tables.GROUP); // aggregated tables: one source per group
        }
        if (settings.sourceRow() != null && source < 0) {
            throw new InvalidSettingsException("Source row '" + settings.sourceRow() + "' is chosen but the input has "
                + "no column '" + Tables.SEQUENCE.title() + "' (or '" + Tables.SEQUENCE.key() + "', or a group "
                + "column); clear the source row to draw the mean over all rows.");
        }
        // without a kind column (a table already filtered and grouped), the chosen kind only names the figure
        return new Columns(title == null ? KnimeTables.find(spec, Tables.KIND) : -1, source, facetRows, facetCols,
            row, col, value, stringColumn(spec, Tables.ROW_LABEL), stringColumn(spec, Tables.COL_LABEL), title,
            title == null ? null : rowName, title == null ? null : colName, facetRowsName, facetColsName,
            KnimeTables.find(spec, Tables.BLOCK), KnimeTables.find(spec, Tables.HEAD));
    }

    private static int numeric(final DataTableSpec spec, final String name, final String role)
        throws InvalidSettingsException {
        if (name == null || name.isBlank()) {
            throw new InvalidSettingsException("No " + role + " column is chosen; choose one in the dialog.");
        }
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

    private static int stringColumn(final DataTableSpec spec, final Column column) {
        int i = KnimeTables.find(spec, column);
        return i >= 0 && spec.getColumnSpec(i).getType().isCompatible(StringValue.class) ? i : -1;
    }

    /** @param r one input row */
    void add(final DataRow r) {
        Entry e = m_columns.entry(r);
        if (e != null) {
            add(e);
        }
    }

    /** @param e the parts of one input row (from the table, or replayed from a {@link TableStore}) */
    void add(final Entry e) {
        if (m_kind != null && !m_kind.equalsIgnoreCase(e.kind())) {
            return;
        }
        if (m_blocks != null && !m_blocks.contains(e.block()) || m_heads != null && e.head() >= 0
            && !m_heads.contains(e.head())) {
            return;
        }
        if (m_columns.source() >= 0) {
            String src = e.source();
            if (m_source != null && !m_source.equals(src)) {
                return;
            }
            if (!m_manySources && m_sources.add(src) && m_sources.size() > 100_000) {
                m_manySources = true;
                m_sources.clear();
            }
        }
        int row = m_rowMap == null ? e.row() : m_rowMap.applyAsInt(e);
        if (row < 0) {
            return;
        }
        int col = e.col();
        List<String> key = List.of(e.facetRow(), e.facetCol());
        Panel p = m_panels.computeIfAbsent(key, k -> new Panel());
        double[] acc = p.m_cells.computeIfAbsent(((long)row << 32) | col, k -> new double[2]);
        acc[0] += e.value();
        acc[1]++;
        p.m_rows = Math.max(p.m_rows, row + 1);
        p.m_cols = Math.max(p.m_cols, col + 1);
        if (e.rowLabel() != null) {
            p.m_rowLabels.putIfAbsent(row, e.rowLabel());
        }
        if (e.colLabel() != null) {
            p.m_colLabels.putIfAbsent(col, e.colLabel());
        }
        m_used++;
    }

    private static String facetValue(final DataRow r, final int col) {
        if (col < 0) {
            return "";
        }
        return text(r.getCell(col));
    }

    private static String text(final DataCell c) {
        if (c.isMissing()) {
            return "";
        }
        if (c instanceof StringValue s) {
            return s.getStringValue();
        }
        return c.toString();
    }

    /** @return true for a summary table (head scores, lens statistics): panels of different quantities */
    boolean isSummary() {
        return m_columns.title() != null;
    }

    /** @return how many input rows went into the figure */
    long usedRows() {
        return m_used;
    }

    /**
     * @return the grid
     * @throws InvalidSettingsException when no row matched the filters
     */
    HeatmapGrid build() throws InvalidSettingsException {
        if (m_panels.isEmpty()) {
            StringBuilder b = new StringBuilder("No rows to draw");
            if (m_kind != null) {
                b.append(" of kind '").append(m_kind).append('\'');
            }
            if (m_source != null) {
                b.append(m_kind != null ? " and" : "").append(" from source row '").append(m_source).append('\'');
            }
            throw new InvalidSettingsException(b.append(" in the input table.").toString());
        }
        List<String> rowFacets = sorted(m_panels.keySet().stream().map(k -> k.get(0)).toList());
        List<String> colFacets = sorted(m_panels.keySet().stream().map(k -> k.get(1)).toList());
        String rowName = m_columns.facetRowsName();
        String colName = m_columns.facetColsName();
        HeatmapPanelData[][] grid = new HeatmapPanelData[rowFacets.size()][colFacets.size()];
        for (int i = 0; i < rowFacets.size(); i++) {
            for (int j = 0; j < colFacets.size(); j++) {
                Panel p = m_panels.get(List.of(rowFacets.get(i), colFacets.get(j)));
                if (p != null) {
                    grid[i][j] = panel(title(rowName, rowFacets.get(i), colName, colFacets.get(j)), p);
                }
            }
        }
        Kind kind = m_kindName == null ? null : Kind.fromContractName(m_kindName);
        String rowAxis = kind != null ? kind.rowAxis().title() : m_columns.rowAxis() != null ? m_columns.rowAxis()
            : m_settings.m_rowCol.getStringValue();
        String colAxis = kind != null ? kind.colAxis().title() : m_columns.colAxis() != null ? m_columns.colAxis()
            : m_settings.m_colCol.getStringValue();
        return HeatmapGrid.of(figureTitle(), grid, rowAxis, colAxis);
    }

    private String figureTitle() {
        String what = m_columns.title() != null ? m_columns.title() : m_kindName == null ? "Heatmap"
            : m_kindName.substring(0, 1).toUpperCase() + m_kindName.substring(1);
        if (m_source != null) {
            return what + " of source row " + m_source;
        }
        if (m_columns.source() >= 0 && !m_manySources && m_sources.size() > 1) {
            return what + ", mean over " + m_sources.size() + " source rows";
        }
        return what;
    }

    private static String title(final String rowName, final String rowValue, final String colName,
        final String colValue) {
        List<String> parts = new ArrayList<>();
        if (rowName != null && !rowValue.isEmpty()) {
            parts.add(rowName + " " + rowValue);
        }
        if (colName != null && !colValue.isEmpty()) {
            parts.add(colName + " " + colValue);
        }
        return String.join(" \u00b7 ", parts);
    }

    private static HeatmapPanelData panel(final String title, final Panel p) {
        float[][] values = new float[p.m_rows][p.m_cols];
        for (float[] row : values) {
            Arrays.fill(row, Float.NaN); // cells no row falls on have no value (drawn grey), not 0
        }
        for (Map.Entry<Long, double[]> e : p.m_cells.entrySet()) {
            int r = (int)(e.getKey() >>> 32);
            int c = (int)(e.getKey() & 0xffffffffL);
            values[r][c] = (float)(e.getValue()[0] / e.getValue()[1]);
        }
        String[] rowLabels = new String[p.m_rows];
        for (int r = 0; r < rowLabels.length; r++) {
            rowLabels[r] = p.m_rowLabels.getOrDefault(r, Integer.toString(r));
        }
        String[] colLabels = new String[p.m_cols];
        for (int c = 0; c < colLabels.length; c++) {
            colLabels[c] = p.m_colLabels.getOrDefault(c, Integer.toString(c));
        }
        return HeatmapPanelData.of(title, values, rowLabels, colLabels);
    }

    /** Facet values in natural order: missing first, numbers by value, text alphabetically. */
    private static List<String> sorted(final List<String> values) {
        Comparator<String> natural = (a, b) -> {
            Double x = number(a);
            Double y = number(b);
            if (x != null && y != null) {
                return Double.compare(x, y);
            }
            if (x != null || y != null) {
                return x != null ? -1 : 1;
            }
            return a.compareTo(b);
        };
        TreeSet<String> set = new TreeSet<>(Comparator.comparing(String::isEmpty).reversed().thenComparing(natural));
        set.addAll(values);
        return new ArrayList<>(set);
    }

    private static Double number(final String s) {
        try {
            return Double.valueOf(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
