package org.gtlens.knimeapi.sample;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import javax.swing.SwingUtilities;

import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.BufferedDataTableHolder;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.knime.core.node.port.PortType;

/**
 * A node that records what the framework calls, in order (for the lifecycle tests): one required and one optional
 * table in, one table out; it keeps its input and a copy of it as internal tables and its row count in its
 * internals ({@code rows.txt}).
 */
public class RecordingNodeModel extends NodeModel implements BufferedDataTableHolder {

    private final List<String> m_events = Collections.synchronizedList(new ArrayList<>());

    private final SettingsModelString m_label = new SettingsModelString("label", "none");

    private BufferedDataTable[] m_internal;

    private long m_rows = -1;

    /** Creates the node. */
    public RecordingNodeModel() {
        super(new PortType[]{BufferedDataTable.TYPE, BufferedDataTable.TYPE_OPTIONAL},
            new PortType[]{BufferedDataTable.TYPE});
    }

    /** @param event recorded, with "@edt" when it happens on the event dispatch thread */
    void record(final String event) {
        m_events.add(event + (SwingUtilities.isEventDispatchThread() ? " @edt" : ""));
    }

    /** @return what was recorded so far */
    public List<String> events() {
        synchronized (m_events) {
            return List.copyOf(m_events);
        }
    }

    /** @param arg passed to the open views' updateModel (NodeModel#notifyViews) */
    public void notifyViewsOf(final Object arg) {
        notifyViews(arg);
    }

    /** @return the rows of the last execute or of the loaded internals, -1 if none */
    public long rows() {
        return m_rows;
    }

    /** @return the internal tables the node holds (null if none) */
    public BufferedDataTable[] held() {
        return m_internal;
    }

    @Override
    protected DataTableSpec[] configure(final DataTableSpec[] inSpecs) {
        record("configure " + (inSpecs[1] == null ? "optional=null" : "optional=" + inSpecs[1].getNumColumns()));
        return new DataTableSpec[]{inSpecs[0]};
    }

    @Override
    protected BufferedDataTable[] execute(final BufferedDataTable[] inData, final ExecutionContext exec)
        throws Exception {
        record("execute");
        BufferedDataContainer copy = exec.createDataContainer(inData[0].getDataTableSpec());
        for (DataRow r : inData[0]) {
            copy.addRowToTable(r);
        }
        copy.close();
        m_internal = new BufferedDataTable[]{inData[0], copy.getTable()};
        m_rows = inData[0].size();
        return new BufferedDataTable[]{inData[0]};
    }

    @Override
    public BufferedDataTable[] getInternalTables() {
        record("getInternalTables");
        return m_internal;
    }

    @Override
    public void setInternalTables(final BufferedDataTable[] tables) {
        record("setInternalTables " + tables.length);
        m_internal = tables;
    }

    @Override
    protected void saveInternals(final File nodeInternDir, final ExecutionMonitor exec) throws IOException {
        record("saveInternals " + nodeInternDir.getName() + " empty=" + (nodeInternDir.list().length == 0));
        Files.writeString(new File(nodeInternDir, "rows.txt").toPath(), Long.toString(m_rows));
    }

    @Override
    protected void loadInternals(final File nodeInternDir, final ExecutionMonitor exec) throws IOException {
        record("loadInternals " + nodeInternDir.getName());
        m_rows = Long.parseLong(Files.readString(new File(nodeInternDir, "rows.txt").toPath()));
    }

    @Override
    protected void saveSettingsTo(final NodeSettingsWO settings) {
        m_label.saveSettingsTo(settings);
    }

    @Override
    protected void validateSettings(final NodeSettingsRO settings) throws InvalidSettingsException {
        record("validateSettings");
        m_label.validateSettings(settings);
    }

    @Override
    protected void loadValidatedSettingsFrom(final NodeSettingsRO settings) throws InvalidSettingsException {
        record("loadValidatedSettingsFrom");
        m_label.loadSettingsFrom(settings);
    }

    @Override
    protected void reset() {
        record("reset");
        m_rows = -1;
    }
}
