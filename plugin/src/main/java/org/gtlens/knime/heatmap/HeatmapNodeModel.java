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

import org.gtlens.chart.options.ChartOptions;
import org.gtlens.chart.data.HeatmapGrid;
import org.gtlens.chart.data.HeatmapPanelData;
import org.gtlens.chart.output.HeatmapRenderer;
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

    /** The view's copy of the table (added later; absent in workflows saved before). */
    private static final String TABLE_INTERNALS = "heatmap-table.bin";

    private final HeatmapSettings m_settings = new HeatmapSettings();

    private HeatmapGrid m_grid;

    private ChartOptions m_options;

    /** What the view explores, or null (not executed, or the table was larger than the view may keep). */
    private TableStore m_store;

    private HeatmapBuilder.Columns m_columns;

    /** Why the view cannot explore, or null. */
    private String m_storeNote;

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

    /**
     * Memory the view's copy of a table may take: an eighth of the heap, at most 256 MB (the system property
     * {@code gtlens.heatmap.viewBytes} sets it, e.g. for tests of the fall-back).
     */
    static long storeBudget() {
        return Long.getLong("gtlens.heatmap.viewBytes", Math.min(256L << 20, Runtime.getRuntime().maxMemory() / 8));
    }

    @Override
    protected PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec) throws Exception {
        BufferedDataTable table = (BufferedDataTable)inObjects[0];
        ChartOptions options = m_settings.options();
        HeatmapBuilder.Columns columns = HeatmapBuilder.resolve(m_settings, table.getDataTableSpec());
        TableStore store = new TableStore(TableStore.capacityFor(storeBudget()));
        read(table, exec, store::add, columns, 0, store.capacity() > 0 ? 0.6 : 0.45, "Reading");
        HeatmapBuilder builder;
        try {
            StoreFigureSource.checkRows(m_settings.positions(), store.maxRow());
            builder = new HeatmapBuilder(m_settings, columns, m_settings.kind(), m_settings.sourceRow(),
                StoreFigureSource.chosen(m_settings.blocks(), store.maxBlock(), "block"),
                StoreFigureSource.chosen(m_settings.heads(), store.maxHead(), "head"),
                store.rows(m_settings.positions()));
        } catch (org.gtlens.GtLensException e) {
            throw new InvalidSettingsException(e.getMessage());
        }
        String note = null;
        if (store.complete()) {
            store.replay(builder::add);
        } else {
            note = "The table has " + store.offered() + " rows to draw, more than the view keeps ("
                + store.capacity() + " rows in " + (storeBudget() >> 20) + " MB); the view shows the configured "
                + "figure only.";
            store = null; // let it go before the second pass
            read(table, exec, builder::add, columns, 0.45, 0.9, "Drawing from");
        }
        HeatmapGrid grid = builder.build();
        if (builder.isSummary()) {
            options = options.toBuilder().range(ChartOptions.RangeMode.PER_PANEL).build(); // each score or statistic on its own scale
        }
        exec.checkCanceled();
        exec.setProgress(0.9, "Drawing");
        byte[] png = HeatmapRenderer.toPng(grid, options);
        m_grid = grid;
        m_options = options;
        m_store = store;
        m_columns = columns;
        m_storeNote = note;
        if (note != null) {
            setWarningMessage(note);
        }
        return new PortObject[]{new ImagePortObject(new PNGImageContent(png),
            new ImagePortObjectSpec(PNGImageContent.TYPE))};
    }

    /** One pass over the table, handing each row's parts to {@code sink}, with progress and cancel. */
    private static void read(final BufferedDataTable table, final ExecutionContext exec,
        final java.util.function.Consumer<HeatmapBuilder.Entry> sink, final HeatmapBuilder.Columns columns,
        final double from, final double to, final String what) throws Exception {
        long total = Math.max(1, table.size());
        long done = 0;
        try (CloseableRowIterator it = table.iterator()) {
            while (it.hasNext()) {
                HeatmapBuilder.Entry e = columns.entry(it.next());
                if (e != null) {
                    sink.accept(e);
                }
                if (++done % 65536 == 0) {
                    exec.checkCanceled();
                    exec.setProgress(from + (to - from) * done / total, what + " row " + done + " of " + total);
                }
            }
        }
    }

    /**
     * @return what the view explores: the node's copy of its table, or only the figure drawn (a large table, or a
     *         workflow saved before the view could explore); null before execution
     */
    public org.gtlens.explorer.FigureSource figureSource() {
        if (m_store != null && m_columns != null && m_options != null) {
            return new StoreFigureSource(m_settings, m_columns, m_store, m_options);
        }
        if (m_grid == null) {
            return null;
        }
        return new FixedFigureSource(new org.gtlens.chart.figures.Figure(
            org.gtlens.chart.figures.FigureKind.ofContractName(m_settings.kind()), m_grid,
            m_options == null ? ChartOptions.defaults() : m_options), m_storeNote, drawnChoice());
    }

    /** The blocks, heads and positions of the settings (every one when they cannot be read). */
    private java.util.List<org.gtlens.repr.IndexList> drawnChoice() {
        try {
            return java.util.List.of(m_settings.blocks(), m_settings.heads(), m_settings.positions());
        } catch (InvalidSettingsException e) {
            return java.util.List.of(org.gtlens.repr.IndexList.ALL, org.gtlens.repr.IndexList.ALL,
                org.gtlens.repr.IndexList.ALL);
        }
    }

    HeatmapSettings settings() {
        return m_settings;
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
        m_store = null;
        m_columns = null;
        m_storeNote = null;
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
        if (m_store != null) {
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
                Files.newOutputStream(new File(nodeInternDir, TABLE_INTERNALS).toPath())))) {
                m_columns.write(out);
                m_store.write(out);
            }
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
        File table = new File(nodeInternDir, TABLE_INTERNALS);
        m_store = null;
        m_storeNote = "This workflow was saved before the view could explore its table; execute the node again "
            + "to pick sources, kinds, blocks and heads.";
        if (table.isFile()) {
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(
                Files.newInputStream(table.toPath())))) {
                m_columns = HeatmapBuilder.Columns.read(in);
                m_store = TableStore.read(in);
                m_storeNote = null;
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
