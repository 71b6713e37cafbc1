package org.gtlens.knime.heatmap;

import java.util.List;

import org.gtlens.chart.ChartOptions;
import org.gtlens.chart.ChartOptions.LabelMode;
import org.gtlens.chart.ChartOptions.RangeMode;
import org.gtlens.chart.ChartOptions.ScaleMode;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.defaultnodesettings.SettingsModel;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/** The settings of Heatmap View: one static method per setting, shared by the node model and the dialog. */
final class HeatmapSettings {

    /** Kind choice meaning "do not filter by kind". */
    static final String KIND_ANY = "(any)";

    static final String[] KINDS = {"attention", "queries", "keys", "values", "out", "logprobs", KIND_ANY};

    static final String[] SCALES = {"auto", "sequential", "diverging"};

    static final String[] LABELS = {"auto", "on", "off"};

    static final String[] RANGES = {"shared", "per panel"};

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

    final SettingsModelString m_range = createRangeModel();

    final SettingsModelIntegerBounded m_width = createWidthModel();

    final SettingsModelIntegerBounded m_height = createHeightModel();

    final SettingsModelString m_format = createFormatModel();

    private List<SettingsModel> all() {
        return List.of(m_kind, m_sourceRow, m_facetRows, m_facetCols, m_rowCol, m_colCol, m_valueCol, m_scale,
            m_labels, m_range, m_width, m_height, m_format);
    }

    void save(final NodeSettingsWO s) {
        all().forEach(m -> m.saveSettingsTo(s));
    }

    void validate(final NodeSettingsRO s) throws InvalidSettingsException {
        for (SettingsModel m : all()) {
            m.validateSettings(s);
        }
        HeatmapSettings probe = new HeatmapSettings();
        probe.load(s);
        probe.options();
    }

    void load(final NodeSettingsRO s) throws InvalidSettingsException {
        for (SettingsModel m : all()) {
            m.loadSettingsFrom(s);
        }
    }

    /** @return the chosen kind, or null for any */
    String kind() {
        String k = m_kind.getStringValue();
        return k == null || k.isBlank() || KIND_ANY.equals(k) ? null : k.trim();
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
        ScaleMode scale = switch (m_scale.getStringValue()) {
            case "auto" -> ScaleMode.AUTO;
            case "sequential" -> ScaleMode.SEQUENTIAL;
            case "diverging" -> ScaleMode.DIVERGING;
            default -> throw new InvalidSettingsException("Unknown colour scale '" + m_scale.getStringValue()
                + "'; use auto, sequential or diverging.");
        };
        LabelMode labels = switch (m_labels.getStringValue()) {
            case "auto" -> LabelMode.AUTO;
            case "on" -> LabelMode.ON;
            case "off" -> LabelMode.OFF;
            default -> throw new InvalidSettingsException("Unknown value-label mode '" + m_labels.getStringValue()
                + "'; use auto, on or off.");
        };
        RangeMode range = switch (m_range.getStringValue()) {
            case "shared" -> RangeMode.SHARED;
            case "per panel" -> RangeMode.PER_PANEL;
            default -> throw new InvalidSettingsException("Unknown range mode '" + m_range.getStringValue()
                + "'; use shared or per panel.");
        };
        if (!FORMAT_PNG.equals(m_format.getStringValue())) {
            throw new InvalidSettingsException("Unknown image format '" + m_format.getStringValue()
                + "'; only PNG is supported.");
        }
        return ChartOptions.defaults().withScale(scale).withValueLabels(labels).withRange(range)
            .withSize(m_width.getIntValue(), m_height.getIntValue());
    }
}
