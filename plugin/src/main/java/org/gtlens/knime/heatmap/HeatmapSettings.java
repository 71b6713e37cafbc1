package org.gtlens.knime.heatmap;

import java.util.List;

import java.util.Map;

import org.gtlens.chart.figures.FigureChoices;
import org.gtlens.chart.options.ChartOptions;
import org.gtlens.chart.options.ChartOptions.LabelMode;
import org.gtlens.chart.options.ChartOptions.RangeMode;
import org.gtlens.chart.options.ChartOptions.PaletteFamily;
import org.gtlens.chart.options.ChartOptions.ValueScale;
import org.gtlens.repr.IndexList;
import org.gtlens.knime.dialog.Choice;
import org.gtlens.knime.settings.Added;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.defaultnodesettings.SettingsModel;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/** The settings of Heatmap View: one static method per setting, shared by the node model and the dialog. */
final class HeatmapSettings {

    static final String FORMAT_PNG = "PNG";

    /** The release the settings of the migration table came with. */
    private static final String FIRST_RELEASE = "0.1.0";

    static SettingsModelString createKindModel() {
        return new SettingsModelString("kind", "attention");
    }

    /** @return the source row ID to draw; empty means the mean over all source rows */
    static SettingsModelString createSourceRowModel() {
        return new SettingsModelString("source_row", "");
    }

    static SettingsModelString createFacetRowsModel() {
        return new SettingsModelString("facet_rows_column", "Block");
    }

    static SettingsModelString createFacetColumnsModel() {
        return new SettingsModelString("facet_columns_column", "Head");
    }

    /** Empty (the dialog's "&lt;none&gt;") takes the column from the table ({@link HeatmapColumns}). */
    static SettingsModelString createRowColumnModel() {
        return new SettingsModelString("row_column", "");
    }

    /** Empty takes the column from the table. */
    static SettingsModelString createColumnColumnModel() {
        return new SettingsModelString("column_column", "");
    }

    /** Empty takes the column from the table. */
    static SettingsModelString createValueColumnModel() {
        return new SettingsModelString("value_column", "");
    }

    static SettingsModelString createColorScaleModel() {
        return new SettingsModelString("color_scale", "auto");
    }

    /** Linear (the only scale of the first version), log or row. */
    static SettingsModelString createValueScaleModel() {
        return new SettingsModelString("value_scale", ValueScale.LINEAR.key());
    }

    /** Blocks to draw, e.g. {@code 0,10-11,last}; "all" as the first version did. */
    static SettingsModelString createBlocksModel() {
        return new SettingsModelString("blocks", "all");
    }

    /** Matrix rows (positions) to draw, e.g. {@code last}; "all" as the first version did. */
    static SettingsModelString createPositionsModel() {
        return new SettingsModelString("positions", "all");
    }

    /** Heads to draw, e.g. {@code 0,7}; "all" as the first version did. */
    static SettingsModelString createHeadsModel() {
        return new SettingsModelString("heads", "all");
    }

    static SettingsModelString createValueLabelsModel() {
        return new SettingsModelString("value_labels", "auto");
    }

    static SettingsModelString createRangeModel() {
        return new SettingsModelString("range", "shared");
    }

    static SettingsModelIntegerBounded createWidthModel() {
        return new SettingsModelIntegerBounded("image_width", 800, 100, 10000);
    }

    static SettingsModelIntegerBounded createHeightModel() {
        return new SettingsModelIntegerBounded("image_height", 600, 100, 10000);
    }

    /**
     * The most pixels the image port holds: a larger image size is scaled down, keeping its aspect, so that the
     * PNG KNIME decodes for every executed node when a workflow opens stays as small as a port preview needs.
     */
    static SettingsModelIntegerBounded createPortPixelsModel() {
        return new SettingsModelIntegerBounded("image_port_max_pixels", 2_000_000, 10_000, 100_000_000);
    }

    static SettingsModelString createFormatModel() {
        return new SettingsModelString("image_format", FORMAT_PNG);
    }

    final SettingsModelString m_kind = createKindModel();

    final SettingsModelString m_sourceRow = createSourceRowModel();

    final SettingsModelString m_facetRows = createFacetRowsModel();

    final SettingsModelString m_facetCols = createFacetColumnsModel();

    final SettingsModelString m_rowCol = createRowColumnModel();

    final SettingsModelString m_colCol = createColumnColumnModel();

    final SettingsModelString m_valueCol = createValueColumnModel();

    final SettingsModelString m_scale = createColorScaleModel();

    final SettingsModelString m_labels = createValueLabelsModel();

    final SettingsModelString m_valueScale = createValueScaleModel();

    final SettingsModelString m_blocks = createBlocksModel();

    final SettingsModelString m_heads = createHeadsModel();

    final SettingsModelString m_positions = createPositionsModel();

    final SettingsModelString m_range = createRangeModel();

    final SettingsModelIntegerBounded m_width = createWidthModel();

    final SettingsModelIntegerBounded m_height = createHeightModel();

    final SettingsModelString m_format = createFormatModel();

    final SettingsModelIntegerBounded m_portPixels = createPortPixelsModel();

    private List<SettingsModel> all() {
        return List.of(m_kind, m_sourceRow, m_facetRows, m_facetCols, m_rowCol, m_colCol, m_valueCol, m_scale,
            m_labels, m_range, m_width, m_height, m_format);
    }

    /**
     * The migration table: settings added after the node's first settings, each with the value a workflow saved
     * without it gets: every block, head and position on a linear scale, as the node drew then; the image port's
     * pixel bound applies to such a workflow too (its image is scaled down when executed again). All came during
     * the development of the first release.
     */
    private List<Added> added() {
        return List.of(Added.of(m_valueScale, ValueScale.LINEAR.key(), FIRST_RELEASE),
            Added.of(m_blocks, IndexList.ALL.toString(), FIRST_RELEASE),
            Added.of(m_heads, IndexList.ALL.toString(), FIRST_RELEASE),
            Added.of(m_positions, IndexList.ALL.toString(), FIRST_RELEASE),
            Added.of(m_portPixels, createPortPixelsModel().getIntValue(), FIRST_RELEASE));
    }

    void save(final NodeSettingsWO s) {
        all().forEach(m -> m.saveSettingsTo(s));
        Added.save(added(), s);
    }

    void validate(final NodeSettingsRO s) throws InvalidSettingsException {
        for (SettingsModel m : all()) {
            m.validateSettings(s);
        }
        Added.validate(added(), s);
        HeatmapSettings probe = new HeatmapSettings();
        probe.load(s);
        probe.choices();
    }

    void load(final NodeSettingsRO s) throws InvalidSettingsException {
        for (SettingsModel m : all()) {
            m.loadSettingsFrom(s);
        }
        Added.load(added(), s);
        // the first version stored "per panel" and "(any)": store keys from now on
        for (var m : List.of(Map.entry(m_range, HeatmapChoices.RANGES), Map.entry(m_kind, HeatmapChoices.KINDS))) {
            Choice c = Choice.of(m.getValue(), m.getKey().getStringValue());
            if (c != null) {
                m.getKey().setStringValue(c.key());
            }
        }
    }

    /** @return the chosen kind, or null for any */
    String kind() {
        String k = m_kind.getStringValue();
        Choice c = Choice.of(HeatmapChoices.KINDS, k);
        return k == null || k.isBlank() || c != null && HeatmapChoices.KIND_ANY.equals(c.key()) ? null : k.trim();
    }

    /** @return the chosen source row ID, or null for the mean over all rows */
    String sourceRow() {
        String r = m_sourceRow.getStringValue();
        return r == null || r.isBlank() ? null : r.trim();
    }

    /**
     * Stores the table's own column name where a chosen column is found only by its title or CSV key (a table the
     * command line wrote, read back), so that the dialog's column lists keep it; KNIME's convention for guessed
     * columns.
     *
     * @param spec the input spec
     * @return one phrase per name guessed, e.g. "'block' for the panel rows"; empty when none
     */
    List<String> useTableNames(final org.knime.core.data.DataTableSpec spec) {
        List<String> guessed = new java.util.ArrayList<>();
        var roles = new java.util.LinkedHashMap<SettingsModelString, String>();
        roles.put(m_facetRows, "the panel rows");
        roles.put(m_facetCols, "the panel columns");
        roles.put(m_rowCol, "the matrix row");
        roles.put(m_colCol, "the matrix column");
        roles.put(m_valueCol, "the value");
        for (var r : roles.entrySet()) {
            String name = column(r.getKey());
            boolean automatic = r.getKey() == m_rowCol && chosen(m_rowCol, org.gtlens.table.Tables.ROW) == null
                || r.getKey() == m_colCol && chosen(m_colCol, org.gtlens.table.Tables.COL) == null
                || r.getKey() == m_valueCol && chosen(m_valueCol, org.gtlens.table.Tables.VALUE) == null;
            if (name == null || automatic || spec.findColumnIndex(name) >= 0) {
                continue;
            }
            int i = org.gtlens.knime.table.KnimeTables.find(spec, name, org.gtlens.table.Tables.LONG);
            if (i >= 0) {
                String real = spec.getColumnSpec(i).getName();
                r.getKey().setStringValue(real);
                guessed.add("'" + real + "' for " + r.getValue());
            }
        }
        return guessed;
    }

    /**
     * @return the chosen row, column or value column, or null to take it from the table: empty, and also the
     *         column's title, the default stored by earlier releases, which meant the same
     */
    static String chosen(final SettingsModelString m, final org.gtlens.table.Column column) {
        String c = column(m);
        return c == null || c.equals(column.title()) ? null : c;
    }

    /** @return a facet column name, or null for none */
    static String column(final SettingsModelString m) {
        String c = m.getStringValue();
        return c == null || c.isBlank() || "<none>".equals(c) ? null : c;
    }

    /**
     * @return the choices of these settings, applied to each figure's own defaults (a summary's panels keep their
     *         own ranges: {@link TableFigureSource})
     * @throws InvalidSettingsException for an unknown choice
     */
    FigureChoices choices() throws InvalidSettingsException {
        PaletteFamily scale = org.gtlens.Keyed.find(ChartOptions.PaletteFamily.class, m_scale.getStringValue());
        if (scale == null) {
            throw new InvalidSettingsException("Unknown colour scale '" + m_scale.getStringValue()
                + "'; use auto, sequential or diverging.");
        }
        LabelMode labels = org.gtlens.Keyed.find(LabelMode.class, m_labels.getStringValue());
        if (labels == null) {
            throw new InvalidSettingsException("Unknown value-label mode '" + m_labels.getStringValue()
                + "'; use auto, on or off.");
        }
        Choice rangeChoice = Choice.of(HeatmapChoices.RANGES, m_range.getStringValue()); // "per panel" of the first version too
        RangeMode range = rangeChoice == null ? null : org.gtlens.Keyed.find(RangeMode.class, rangeChoice.key());
        if (range == null) {
            throw new InvalidSettingsException("Unknown range mode '" + m_range.getStringValue()
                + "'; use shared or panel.");
        }
        if (!FORMAT_PNG.equals(m_format.getStringValue())) {
            throw new InvalidSettingsException("Unknown image format '" + m_format.getStringValue()
                + "'; only PNG is supported.");
        }
        ValueScale valueScale = org.gtlens.Keyed.find(ValueScale.class, m_valueScale.getStringValue());
        if (valueScale == null) {
            throw new InvalidSettingsException("Unknown value scale '" + m_valueScale.getStringValue()
                + "'; use linear, log or row.");
        }
        blocks();
        heads();
        positions();
        return new FigureChoices(scale, valueScale, range, labels, false, 1, m_width.getIntValue(),
            m_height.getIntValue());
    }

    /** @return the blocks to draw */
    IndexList blocks() throws InvalidSettingsException {
        return indices(m_blocks, "Blocks");
    }

    /** @return the matrix rows (positions) to draw */
    IndexList positions() throws InvalidSettingsException {
        return indices(m_positions, "Positions");
    }

    /** @return the heads to draw */
    IndexList heads() throws InvalidSettingsException {
        return indices(m_heads, "Heads");
    }

    private static IndexList indices(final SettingsModelString m, final String what)
        throws InvalidSettingsException {
        String text = m.getStringValue();
        try {
            return IndexList.parse(text == null || text.isBlank() ? "all" : text.trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException(what + ": " + e.getMessage() + ".");
        }
    }
}
