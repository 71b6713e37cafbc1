package org.gtlens.knime.heatmap;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import org.gtlens.chart.ChartOptions;
import org.gtlens.chart.HeatmapGrid;
import org.gtlens.chart.HeatmapPanelData;
import org.gtlens.chart.HeatmapRenderer;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.container.CloseableRowIterator;
import org.knime.core.data.image.png.PNGImageContent;
import org.knime.core.node.BufferedDataTable;
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
 * Heatmap View: draws a long-layout table (from Extract Representations, or anything made from it) as a grid of
 * heatmaps, shown interactively in the node view and written as a PNG to an image port for reports.
 */
public final class HeatmapNodeModel extends NodeModel {

    private static final String INTERNALS = "heatmap.bin";

    private final HeatmapSettings m_settings = new HeatmapSettings();

    private HeatmapGrid m_grid;

    private ChartOptions m_options;

    HeatmapNodeModel() {
        super(new PortType[]{BufferedDataTable.TYPE}, new PortType[]{ImagePortObject.TYPE});
    }

    @Override
    protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        m_settings.options();
        DataTableSpec spec = (DataTableSpec)inSpecs[0];
        if (spec == null) {
            throw new InvalidSettingsException("No input table; connect the representation table of Extract "
                + "Representations (long layout).");
        }
        HeatmapBuilder.resolve(m_settings, spec);
        return new PortObjectSpec[]{new ImagePortObjectSpec(PNGImageContent.TYPE)};
    }

    @Override
    protected PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec) throws Exception {
        BufferedDataTable table = (BufferedDataTable)inObjects[0];
        ChartOptions options = m_settings.options();
        HeatmapBuilder builder = new HeatmapBuilder(m_settings, table.getDataTableSpec());
        long total = table.size();
        long done = 0;
        try (CloseableRowIterator it = table.iterator()) {
            while (it.hasNext()) {
                DataRow r = it.next();
                builder.add(r);
                if (++done % 65536 == 0) {
                    exec.checkCanceled();
                    exec.setProgress(0.9 * done / total, "Reading row " + done + " of " + total);
                }
            }
        }
        HeatmapGrid grid = builder.build();
        if (builder.isSummary()) {
            options = options.withRange(ChartOptions.RangeMode.PER_PANEL); // each score or statistic on its own scale
        }
        exec.checkCanceled();
        exec.setProgress(0.9, "Drawing");
        byte[] png = HeatmapRenderer.toPng(grid, options);
        m_grid = grid;
        m_options = options;
        return new PortObject[]{new ImagePortObject(new PNGImageContent(png),
            new ImagePortObjectSpec(PNGImageContent.TYPE))};
    }

    /** @return the last figure drawn, or null */
    public HeatmapGrid grid() {
        return m_grid;
    }

    /** @return the options of the last figure drawn, or null */
    public ChartOptions options() {
        return m_options;
    }

    @Override
    protected void reset() {
        m_grid = null;
        m_options = null;
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

    // ---------------------------------------------------------------------------------------------- internals

    @Override
    protected void saveInternals(final File nodeInternDir, final ExecutionMonitor exec) throws IOException {
        if (m_grid == null) {
            return;
        }
        try (DataOutputStream out = new DataOutputStream(
            new BufferedOutputStream(Files.newOutputStream(new File(nodeInternDir, INTERNALS).toPath())))) {
            out.writeInt(1);
            out.writeUTF(m_grid.title());
            out.writeUTF(m_grid.rowAxisTitle());
            out.writeUTF(m_grid.colAxisTitle());
            out.writeInt(m_grid.gridRows());
            out.writeInt(m_grid.gridCols());
            for (int i = 0; i < m_grid.gridRows(); i++) {
                for (int j = 0; j < m_grid.gridCols(); j++) {
                    HeatmapPanelData p = m_grid.panel(i, j);
                    out.writeBoolean(p != null);
                    if (p != null) {
                        writePanel(out, p);
                    }
                }
            }
        }
    }

    private static void writePanel(final DataOutputStream out, final HeatmapPanelData p) throws IOException {
        out.writeUTF(p.title());
        out.writeInt(p.rows());
        out.writeInt(p.cols());
        for (String l : p.rowLabels()) {
            out.writeUTF(l);
        }
        for (String l : p.colLabels()) {
            out.writeUTF(l);
        }
        for (int r = 0; r < p.rows(); r++) {
            for (int c = 0; c < p.cols(); c++) {
                out.writeFloat(p.value(r, c));
            }
        }
    }

    @Override
    protected void loadInternals(final File nodeInternDir, final ExecutionMonitor exec) throws IOException {
        File f = new File(nodeInternDir, INTERNALS);
        if (!f.isFile()) {
            return;
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(f.toPath())))) {
            if (in.readInt() != 1) {
                throw new IOException("Unknown version of the saved heatmap.");
            }
            String title = in.readUTF();
            String rowAxis = in.readUTF();
            String colAxis = in.readUTF();
            int rows = in.readInt();
            int cols = in.readInt();
            HeatmapPanelData[][] panels = new HeatmapPanelData[rows][cols];
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    if (in.readBoolean()) {
                        panels[i][j] = readPanel(in);
                    }
                }
            }
            m_grid = HeatmapGrid.of(title, panels, rowAxis, colAxis);
            try {
                m_options = m_settings.options();
            } catch (InvalidSettingsException e) {
                m_options = ChartOptions.defaults();
            }
        }
    }

    private static HeatmapPanelData readPanel(final DataInputStream in) throws IOException {
        String title = in.readUTF();
        int rows = in.readInt();
        int cols = in.readInt();
        List<String> rowLabels = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            rowLabels.add(in.readUTF());
        }
        List<String> colLabels = new ArrayList<>();
        for (int c = 0; c < cols; c++) {
            colLabels.add(in.readUTF());
        }
        float[][] values = new float[rows][cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                values[r][c] = in.readFloat();
            }
        }
        return HeatmapPanelData.of(title, values, rowLabels.toArray(new String[0]), colLabels.toArray(new String[0]));
    }
}
