package org.gtlens.knime.heatmap;

import java.io.File;
import java.util.List;

import org.gtlens.GtLensException;
import org.gtlens.chart.figures.Figure;
import org.gtlens.chart.options.ChartOptions;
import org.gtlens.chart.output.HeatmapRenderer;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.container.CloseableRowIterator;
import org.knime.core.data.image.png.PNGImageContent;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.BufferedDataTableHolder;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;
import org.knime.core.node.port.image.ImagePortObject;
import org.knime.core.node.port.image.ImagePortObjectSpec;

/**
 * Heatmap View: draws a table of Extract Representations (or anything made from it, or a table the command line
 * wrote) as a grid of heatmaps, written as a PNG to an image port and explored in the node view. The view reads
 * the input table, which the node holds as its internal table: KNIME saves it with the workflow, loads it lazily
 * and manages its memory, and the view draws from it with the settings, as execute did.
 */
public final class HeatmapNodeModel extends NodeModel implements BufferedDataTableHolder {

    private final HeatmapSettings m_settings = new HeatmapSettings();

    /** The table drawn, or null (not executed, or a workflow saved by a release that did not keep it). */
    private BufferedDataTable m_table;

    /** Why an executed node has no table for its view, or null. */
    private String m_note;

    HeatmapNodeModel() {
        super(new PortType[]{BufferedDataTable.TYPE}, new PortType[]{ImagePortObject.TYPE});
    }

    @Override
    protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        m_settings.choices();
        DataTableSpec spec = (DataTableSpec)inSpecs[0];
        List<String> guessed = m_settings.useTableNames(spec);
        HeatmapColumns.bind(m_settings, spec);
        if (!guessed.isEmpty()) {
            setWarningMessage("Guessed the column " + String.join(", ", guessed) + ".");
        }
        return new PortObjectSpec[]{new ImagePortObjectSpec(PNGImageContent.TYPE)};
    }

    @Override
    protected PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec) throws Exception {
        BufferedDataTable table = (BufferedDataTable)inObjects[0];
        exec.setMessage("Reading");
        TableFigureSource source = figureSource(table, exec);
        Figure figure;
        try {
            figure = source.draw(m_settings.kind(), m_settings.sourceRow(), m_settings.blocks(), m_settings.heads(),
                m_settings.positions());
        } catch (GtLensException e) {
            throw new InvalidSettingsException(e.getMessage());
        }
        exec.checkCanceled();
        exec.setProgress(0.9, "Drawing");
        byte[] png = HeatmapRenderer.toPng(figure.grid(), portOptions(figure.defaults()));
        m_table = table;
        m_note = null;
        return new PortObject[]{new ImagePortObject(new PNGImageContent(png),
            new ImagePortObjectSpec(PNGImageContent.TYPE))};
    }

    /** The figure's options at most as large as the port may hold, scaled down keeping the aspect. */
    ChartOptions portOptions(final ChartOptions options) {
        long pixels = (long)options.width() * options.height();
        int max = m_settings.m_portPixels.getIntValue();
        if (pixels <= max) {
            return options;
        }
        double f = Math.sqrt((double)max / pixels);
        return options.toBuilder().size(Math.max(1, (int)(options.width() * f)),
            Math.max(1, (int)(options.height() * f))).build();
    }

    /** The figures of {@code table} with the settings; progress and cancel through {@code exec} when given. */
    private TableFigureSource figureSource(final BufferedDataTable table, final ExecutionMonitor exec)
        throws InvalidSettingsException, CanceledExecutionException {
        HeatmapColumns columns = HeatmapColumns.bind(m_settings, table.getDataTableSpec());
        long total = Math.max(1, table.size());
        return new TableFigureSource(columns, m_settings.choices(), m_settings.kind(), sink -> {
            long done = 0;
            try (CloseableRowIterator it = table.iterator()) {
                while (it.hasNext()) {
                    sink.accept(it.next());
                    if (exec != null && ++done % 65536 == 0) {
                        exec.checkCanceled();
                        exec.setProgress(0.9 * done / total, "Row " + done + " of " + total);
                    }
                }
            }
        });
    }

    /**
     * Reads the held table once (so call it off the event thread).
     *
     * @return the view's figures, opened on the settings' choice
     * @throws GtLensException saying why there is nothing to explore (not executed, or saved without the table)
     */
    ViewFigures viewFigures() throws GtLensException {
        BufferedDataTable table = m_table;
        if (table == null) {
            throw new GtLensException(m_note != null ? m_note : "Execute the node to see its heatmaps.");
        }
        try {
            return new ViewFigures(figureSource(table, null), m_settings);
        } catch (InvalidSettingsException | CanceledExecutionException e) {
            throw new GtLensException(e.getMessage());
        }
    }

    /**
     * @return the settings' figure drawn again from the held table, as the image port shows it (before the port's
     *         size bound), or null without a table
     * @throws GtLensException when it cannot be drawn
     */
    public Figure figure() throws GtLensException {
        BufferedDataTable table = m_table;
        if (table == null) {
            return null;
        }
        try {
            return figureSource(table, null).draw(m_settings.kind(), m_settings.sourceRow(), m_settings.blocks(),
                m_settings.heads(), m_settings.positions());
        } catch (InvalidSettingsException | CanceledExecutionException e) {
            throw new GtLensException(e.getMessage());
        }
    }

    HeatmapSettings settings() {
        return m_settings;
    }

    @Override
    public BufferedDataTable[] getInternalTables() {
        return m_table == null ? new BufferedDataTable[0] : new BufferedDataTable[]{m_table};
    }

    @Override
    public void setInternalTables(final BufferedDataTable[] tables) {
        m_table = tables != null && tables.length > 0 ? tables[0] : null;
        if (m_table != null) {
            m_note = null;
        }
    }

    @Override
    protected void reset() {
        m_table = null;
        m_note = null;
    }

    @Override
    protected void saveSettingsTo(final NodeSettingsWO settings) {
        m_settings.save(settings);
    }

    @Override
    protected void validateSettings(final NodeSettingsRO settings) throws InvalidSettingsException {
        m_settings.validate(settings);
    }

    @Override
    protected void loadValidatedSettingsFrom(final NodeSettingsRO settings) throws InvalidSettingsException {
        m_settings.load(settings);
    }

    /** Nothing of its own: the table is an internal table, the figure is drawn again from it. */
    @Override
    protected void saveInternals(final File nodeInternDir, final ExecutionMonitor exec) {
        // the internal table is saved by KNIME
    }

    @Override
    protected void loadInternals(final File nodeInternDir, final ExecutionMonitor exec) {
        m_note = "This workflow was saved by an earlier release of GT Lens, which did not keep the table for the "
            + "view; execute the node again to explore it.";
    }
}
