package org.gtlens.knime.heatmap;

import java.util.List;

import java.util.Map;

import org.gtlens.chart.options.ChartOptions;
import org.gtlens.chart.options.ChartOptions.LabelMode;
import org.gtlens.chart.options.ChartOptions.RangeMode;
import org.gtlens.chart.options.ChartOptions.PaletteFamily;
import org.gtlens.chart.options.ChartOptions.ValueScale;
import org.gtlens.repr.IndexList;
import org.gtlens.knime.dialog.Choice;
import org.gtlens.model.Kind;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.defaultnodesettings.SettingsModel;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/** The settings of Heatmap View: one static method per setting, shared by the node model and the dialog. */
final class HeatmapSettings {

    /** Kind choice meaning "do not filter by kind". */
    static final String KIND_ANY = "any";

    /** Every kind by its contract name, and "any" (stored as "(any)" by the first version). */
    static final List<Choice> KINDS = kinds();

    static final List<Choice> SCALES = List.of(new Choice(PaletteFamily.AUTO.key(),
        "Auto (diverging for signed values)"), new Choice(PaletteFamily.SEQUENTIAL.key(), "Sequential (viridis)"),
        new Choice(PaletteFamily.DIVERGING.key(), "Diverging, centred on 0"));

    static final List<Choice> VALUE_SCALES = List.of(new Choice(ValueScale.LINEAR.key(), "Linear"),
        new Choice(ValueScale.LOG.key(), "Logarithmic (attention, probabilities)"),
        new Choice(ValueScale.ROW.key(), "Each row relative to its largest value"));

    static final List<Choice> LABELS = List.of(new Choice(LabelMode.AUTO.key(), "Auto (where they fit)"),
        new Choice(LabelMode.ON.key(), "On"), new Choice(LabelMode.OFF.key(), "Off"));

    static final List<Choice> RANGES = List.of(new Choice(RangeMode.SHARED.key(), "Shared by all panels"),
        new Choice(RangeMode.PER_PANEL.key(), "Per panel", "per panel"));

    private static List<Choice> kinds() {
        List<Choice> l = new java.util.ArrayList<>();
        for (Kind k : Kind.values()) {
            l.add(new Choice(k.contractName(), k.contractName()));
        }
        l.add(new Choice(KIND_ANY, "(any: do not filter by kind)", "(any)"));
        return List.copyOf(l);
    }

    static final String FORMAT_PNG = "PNG";

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

    static SettingsModelString createRowColumnModel() {
        return new SettingsModelString("row_column", "Row");
    }

    static SettingsModelString createColumnColumnModel() {
        return new SettingsModelString("column_column", "Column");
    }

    static SettingsModelString createValueColumnModel() {
        return new SettingsModelString("value_column", "Value");
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

    private List<SettingsModel> all() {
        return List.of(m_kind, m_sourceRow, m_facetRows, m_facetCols, m_rowCol, m_colCol, m_valueCol, m_scale,
            m_labels, m_range, m_width, m_height, m_format);
    }

    /** Settings added after the first version, in saving order: absent keys get defaults that draw as it did. */
    private List<SettingsModelString> added() {
        return List.of(m_valueScale, m_blocks, m_heads, m_positions);
    }

    void save(final NodeSettingsWO s) {
        all().forEach(m -> m.saveSettingsTo(s));
        added().forEach(m -> m.saveSettingsTo(s));
    }

    void validate(final NodeSettingsRO s) throws InvalidSettingsException {
        for (SettingsModel m : all()) {
            m.validateSettings(s);
        }
        for (SettingsModelString m : added()) {
            if (s.containsKey(m.getKey())) {
                m.validateSettings(s);
            }
        }
        HeatmapSettings probe = new HeatmapSettings();
        probe.load(s);
        probe.options();
    }

    void load(final NodeSettingsRO s) throws InvalidSettingsException {
        for (SettingsModel m : all()) {
            m.loadSettingsFrom(s);
        }
        m_valueScale.setStringValue(ValueScale.LINEAR.key());
        m_blocks.setStringValue(IndexList.ALL.toString());
        m_heads.setStringValue(IndexList.ALL.toString());
        m_positions.setStringValue(IndexList.ALL.toString());
        for (SettingsModelString m : added()) {
            if (s.containsKey(m.getKey())) {
                m.loadSettingsFrom(s);
            }
        }
        // the first version stored "per panel" and "(any)": store keys from now on
        for (var m : List.of(Map.entry(m_range, RANGES), Map.entry(m_kind, KINDS))) {
            Choice c = Choice.of(m.getValue(), m.getKey().getStringValue());
            if (c != null) {
                m.getKey().setStringValue(c.key());
            }
        }
    }

    /** @return the chosen kind, or null for any */
    String kind() {
        String k = m_kind.getStringValue();
        Choice c = Choice.of(KINDS, k);
        return k == null || k.isBlank() || c != null && KIND_ANY.equals(c.key()) ? null : k.trim();
    }

    /** @return the chosen source row ID, or null for the mean over all rows */
    String sourceRow() {
        String r = m_sourceRow.getStringValue();
        return r == null || r.isBlank() ? null : r.trim();
    }

    /** @return a facet column name, or null for none */
    static String column(final SettingsModelString m) {
        String c = m.getStringValue();
        return c == null || c.isBlank() || "<none>".equals(c) ? null : c;
    }

    /**
     * @return the chart options of these settings
     * @throws InvalidSettingsException for an unknown choice
     */
    ChartOptions options() throws InvalidSettingsException {
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
        Choice rangeChoice = Choice.of(RANGES, m_range.getStringValue()); // "per panel" of the first version too
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
        return ChartOptions.defaults().toBuilder().palette(scale).valueLabels(labels).range(range)
            .valueScale(valueScale).size(m_width.getIntValue(), m_height.getIntValue()).build();
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
