package org.knime.core.node;

import java.io.File;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;
import org.knime.core.node.streamable.InputPortRole;
import org.knime.core.node.streamable.OutputPortRole;
import org.knime.core.node.streamable.PartitionInfo;
import org.knime.core.node.streamable.PortInput;
import org.knime.core.node.streamable.PortObjectInput;
import org.knime.core.node.streamable.PortObjectOutput;
import org.knime.core.node.streamable.PortOutput;
import org.knime.core.node.streamable.RowInput;
import org.knime.core.node.streamable.RowOutput;
import org.knime.core.node.streamable.StreamableOperator;
import org.knime.core.node.streamable.StreamableOperatorInternals;

/**
 * Stand-in for KNIME's {@code NodeModel} (compile/test only, never shipped): the logic of a node. KNIME calls the
 * protected methods; in tests the harness {@code org.knime.core.node.NodeTestHarness} (test-jar) does. As in KNIME,
 * the PortObject variants of {@code configure}/{@code execute} delegate to the table variants by default, and the
 * default streamable operator runs {@code execute} on the whole input.
 */
public abstract class NodeModel implements AbstractNodeView.ViewableModel {

    private final PortType[] m_inTypes;

    private final PortType[] m_outTypes;

    private final List<AbstractNodeView<?>> m_views = new CopyOnWriteArrayList<>();

    private final List<NodeModelWarningListener> m_warningListeners = new CopyOnWriteArrayList<>();

    private String m_warning;

    /**
     * @param nrInDataPorts number of data table inputs
     * @param nrOutDataPorts number of data table outputs
     */
    protected NodeModel(final int nrInDataPorts, final int nrOutDataPorts) {
        this(tablePorts(nrInDataPorts), tablePorts(nrOutDataPorts));
    }

    /**
     * @param inPortTypes the input port types
     * @param outPortTypes the output port types
     */
    protected NodeModel(final PortType[] inPortTypes, final PortType[] outPortTypes) {
        m_inTypes = inPortTypes.clone();
        m_outTypes = outPortTypes.clone();
    }

    private static PortType[] tablePorts(final int n) {
        PortType[] t = new PortType[n];
        Arrays.fill(t, BufferedDataTable.TYPE);
        return t;
    }

    protected abstract void loadInternals(File nodeInternDir, ExecutionMonitor exec)
        throws IOException, CanceledExecutionException;

    protected abstract void saveInternals(File nodeInternDir, ExecutionMonitor exec)
        throws IOException, CanceledExecutionException;

    /** @return the number of inputs */
    protected final int getNrInPorts() {
        return m_inTypes.length;
    }

    /** @return the number of outputs */
    protected final int getNrOutPorts() {
        return m_outTypes.length;
    }

    /**
     * @param index an input index
     * @return its port type
     */
    protected final PortType getInPortType(final int index) {
        return m_inTypes[index];
    }

    /**
     * @param index an output index
     * @return its port type
     */
    protected final PortType getOutPortType(final int index) {
        return m_outTypes[index];
    }

    protected abstract void saveSettingsTo(NodeSettingsWO settings);

    protected abstract void validateSettings(NodeSettingsRO settings) throws InvalidSettingsException;

    protected abstract void loadValidatedSettingsFrom(NodeSettingsRO settings) throws InvalidSettingsException;

    /**
     * Executes the node; by default casts the inputs to tables and calls
     * {@link #execute(BufferedDataTable[], ExecutionContext)}.
     *
     * @param inObjects the inputs
     * @param exec progress, cancelation, table creation
     * @return the outputs
     * @throws Exception on failure
     */
    protected PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec) throws Exception {
        BufferedDataTable[] tables = new BufferedDataTable[inObjects.length];
        for (int i = 0; i < inObjects.length; i++) {
            if (inObjects[i] != null && !(inObjects[i] instanceof BufferedDataTable)) {
                throw new IllegalStateException("Input " + i + " is no data table: the node model must override "
                    + "execute(PortObject[], ExecutionContext)");
            }
            tables[i] = (BufferedDataTable)inObjects[i];
        }
        return execute(tables, exec);
    }

    /**
     * @param inData the input tables
     * @param exec progress, cancelation, table creation
     * @return the output tables
     * @throws Exception on failure
     */
    protected BufferedDataTable[] execute(final BufferedDataTable[] inData, final ExecutionContext exec)
        throws Exception {
        throw new UnsupportedOperationException(
            "The node model overrides neither execute(PortObject[], ExecutionContext) nor execute(BufferedDataTable[], ExecutionContext)");
    }

    protected abstract void reset();

    /** Called when the node is removed; does nothing by default. */
    protected void onDispose() {
        // hook
    }

    /** Tells open views that the model changed ({@code modelChanged()}). */
    protected final void stateChanged() {
        for (AbstractNodeView<?> v : m_views) {
            v.modelChanged();
        }
    }

    /** @param arg passed to the open views' {@code updateModel(Object)} */
    protected final void notifyViews(final Object arg) {
        for (AbstractNodeView<?> v : m_views) {
            v.updateModel(arg);
        }
    }

    void registerView(final AbstractNodeView<?> view) {
        m_views.add(view);
    }

    void unregisterView(final AbstractNodeView<?> view) {
        m_views.remove(view);
    }

    /**
     * Computes the output specs; by default casts the specs to table specs and calls
     * {@link #configure(DataTableSpec[])}.
     *
     * @param inSpecs the input specs (null for unknown or unconnected optional inputs)
     * @return the output specs (null entries for unknown)
     * @throws InvalidSettingsException if the node cannot be configured
     */
    protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        DataTableSpec[] specs = new DataTableSpec[inSpecs.length];
        for (int i = 0; i < inSpecs.length; i++) {
            if (inSpecs[i] != null && !(inSpecs[i] instanceof DataTableSpec)) {
                throw new IllegalStateException("Input spec " + i + " is no table spec: the node model must "
                    + "override configure(PortObjectSpec[])");
            }
            specs[i] = (DataTableSpec)inSpecs[i];
        }
        return configure(specs);
    }

    /**
     * @param inSpecs the input table specs
     * @return the output table specs
     * @throws InvalidSettingsException if the node cannot be configured
     */
    protected DataTableSpec[] configure(final DataTableSpec[] inSpecs) throws InvalidSettingsException {
        throw new UnsupportedOperationException(
            "The node model overrides neither configure(PortObjectSpec[]) nor configure(DataTableSpec[])");
    }

    /** @param warningMessage a warning shown at the node, null to clear it */
    protected final void setWarningMessage(final String warningMessage) {
        m_warning = warningMessage;
        if (warningMessage != null) {
            getLogger().warn(warningMessage);
        }
    }

    /** @return the current warning, or null */
    protected final String getWarningMessage() {
        return m_warning;
    }

    /** @param listener a listener (kept; the stand-in does not notify it) */
    public void addWarningListener(final NodeModelWarningListener listener) {
        m_warningListeners.add(listener);
    }

    /** @param listener a listener */
    public void removeWarningListener(final NodeModelWarningListener listener) {
        m_warningListeners.remove(listener);
    }

    /** @return the roles of the inputs; by default all non-distributed, non-streamable */
    public InputPortRole[] getInputPortRoles() {
        InputPortRole[] r = new InputPortRole[getNrInPorts()];
        Arrays.fill(r, InputPortRole.NONDISTRIBUTED_NONSTREAMABLE);
        return r;
    }

    /** @return the roles of the outputs; by default all non-distributed */
    public OutputPortRole[] getOutputPortRoles() {
        OutputPortRole[] r = new OutputPortRole[getNrOutPorts()];
        Arrays.fill(r, OutputPortRole.NONDISTRIBUTED);
        return r;
    }

    /**
     * @param partitionInfo the partition this operator runs on
     * @param inSpecs the input specs
     * @return an operator; by default one that reads all inputs, runs {@code execute} and writes the outputs
     * @throws InvalidSettingsException if the node cannot be configured
     */
    public StreamableOperator createStreamableOperator(final PartitionInfo partitionInfo,
        final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        return new StreamableOperator() {
            @Override
            public void runFinal(final PortInput[] inputs, final PortOutput[] outputs, final ExecutionContext exec)
                throws Exception {
                PortObject[] in = new PortObject[inputs.length];
                for (int i = 0; i < inputs.length; i++) {
                    if (inputs[i] instanceof RowInput r) {
                        BufferedDataContainer c = exec.createDataContainer(r.getDataTableSpec());
                        DataRow row;
                        while ((row = r.poll()) != null) {
                            c.addRowToTable(row);
                        }
                        r.close();
                        c.close();
                        in[i] = c.getTable();
                    } else if (inputs[i] instanceof PortObjectInput p) {
                        in[i] = p.getPortObject();
                    }
                }
                PortObject[] out = execute(in, exec);
                for (int i = 0; i < outputs.length; i++) {
                    if (outputs[i] instanceof RowOutput r) {
                        r.setFully((BufferedDataTable)out[i]);
                    } else if (outputs[i] instanceof PortObjectOutput p) {
                        p.setPortObject(out[i]);
                    }
                }
            }
        };
    }

    /** @return internals for iterative streaming; null by default */
    public StreamableOperatorInternals createInitialStreamableOperatorInternals() {
        return null;
    }

    /**
     * @param internals the merged internals
     * @return whether another iteration is needed; false by default
     */
    public boolean iterate(final StreamableOperatorInternals internals) {
        return false;
    }

    /**
     * @param internals the merged internals
     * @param inSpecs the input specs
     * @return the output specs; {@link #configure(PortObjectSpec[])} by default
     * @throws InvalidSettingsException if the node cannot be configured
     */
    public PortObjectSpec[] computeFinalOutputSpecs(final StreamableOperatorInternals internals,
        final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        return configure(inSpecs);
    }

    /**
     * @param internals the merged internals
     * @param exec progress and cancelation
     * @param output the outputs still to fill
     * @throws Exception on failure
     */
    public void finishStreamableExecution(final StreamableOperatorInternals internals, final ExecutionContext exec,
        final PortOutput[] output) throws Exception {
        // nothing to do by default
    }

    /** @return a logger for this model's class */
    protected final NodeLogger getLogger() {
        return NodeLogger.getLogger(getClass());
    }
}
