package org.knime.core.node;

import java.io.File;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

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

    private boolean m_hasContent;

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
     * Executes the node; by default casts the inputs to tables (an IOException for another port object, as in KNIME)
     * and calls {@link #execute(BufferedDataTable[], ExecutionContext)}.
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
                throw new IOException("Input port " + i + " does not hold data table but "
                    + inObjects[i].getClass().getSimpleName() + "; Likely reason: wrong version of "
                    + "NodeModel.execute() overwritten!");
            }
            tables[i] = (BufferedDataTable)inObjects[i];
        }
        return execute(tables, exec);
    }

    /**
     * @param inData the input tables
     * @param exec progress, cancelation, table creation
     * @return the output tables
     * @throws Exception on failure (an IOException when neither execute method is overridden, as in KNIME)
     */
    protected BufferedDataTable[] execute(final BufferedDataTable[] inData, final ExecutionContext exec)
        throws Exception {
        throw new IOException("NodeModel.execute() implementation missing!");
    }

    protected abstract void reset();

    /**
     * What KNIME runs around {@link #execute(PortObject[], ExecutionContext)} (knime/knime-core
     * {@code org.knime.core/src/eclipse/org/knime/core/node/NodeModel.java#executeModel}, {@code analytics-platform/5.5.3}):
     * clears the warning; fails on an input of the wrong class (a missing one only at an optional port is fine);
     * executes; fails when the execution was canceled without an exception; fails on a wrong number of outputs or a
     * null output; wraps an output table that is one of the input tables ({@code createWrappedTable}); warns when all
     * output tables are empty (unless the node warned itself); marks the node executed, which tells its views.
     */
    final PortObject[] executeModel(final PortObject[] inObjects, final ExecutionContext exec) throws Exception {
        setWarningMessage(null);
        for (int i = 0; i < inObjects.length; i++) {
            PortType type = getInPortType(i);
            if (!(type.isOptional() && inObjects[i] == null) && !type.getPortObjectClass().isInstance(inObjects[i])) {
                throw new IllegalStateException("Connection Error: Mismatch of input port types (port " + i + ").");
            }
        }
        PortObject[] out = execute(inObjects, exec);
        exec.checkCanceled();
        out = out == null ? new PortObject[getNrOutPorts()] : out.clone();
        if (out.length != getNrOutPorts()) {
            throw new IllegalStateException("Invalid result. Execution failed. Reason: Incorrect implementation; the "
                + "execute method in \"" + getClass().getSimpleName() + "\" returned null or an incorrect number of "
                + "output tables.");
        }
        for (int i = 0; i < out.length; i++) {
            for (PortObject in : inObjects) {
                if (out[i] instanceof BufferedDataTable t && t == in) {
                    out[i] = exec.createWrappedTable(t);
                }
            }
            if (out[i] == null) {
                throw new IllegalStateException("Invalid result. Execution failed, reason: data at output " + i
                    + " is null.");
            }
        }
        warnIfAllTablesEmpty(out);
        setHasContent(true);
        return out;
    }

    /** KNIME's warning when every output table is empty, unless the node set a warning of its own. */
    private void warnIfAllTablesEmpty(final PortObject[] out) {
        if (m_warning != null) {
            return;
        }
        int tables = 0;
        boolean data = false;
        for (PortObject o : out) {
            if (o instanceof BufferedDataTable t) {
                tables++;
                data |= t.size() > 0;
            }
        }
        if (tables > 0 && !data) {
            setWarningMessage(tables == 1 ? "Node created an empty data table."
                : "Node created empty data tables on all out-ports.");
        }
    }

    /**
     * What KNIME runs around {@link #reset()} ({@code NodeModel#resetModel}): clears the warning, resets, and marks
     * the node not executed, which tells its views; an exception from {@code reset()} is logged in KNIME, here it is
     * rethrown after the rest was done.
     */
    final void resetModel() {
        setWarningMessage(null);
        try {
            reset();
        } finally {
            setHasContent(false);
        }
    }

    /** Called when the node is removed; does nothing by default. */
    protected void onDispose() {
        // hook
    }

    /**
     * Tells the open views that the model changed: each one's {@code callModelChanged()}, which a {@link NodeView}
     * runs on the event dispatch thread (later, when called from another thread). A view failing there sets the
     * node's warning, as in KNIME ({@code NodeModel#stateChanged}, knime-core 5.5.3).
     */
    protected final void stateChanged() {
        for (AbstractNodeView<?> v : m_views) {
            try {
                v.callModelChanged();
            } catch (Exception e) {
                setWarningMessage("View [" + v.getViewName() + "] caused an error while displaying new contents: "
                    + e.getMessage());
            }
        }
    }

    /** @param arg passed to the open views' {@code updateModel(Object)} (which does nothing by default) */
    protected final void notifyViews(final Object arg) {
        for (AbstractNodeView<?> v : m_views) {
            v.updateModel(arg);
        }
    }

    /** Registers an opened view (no change event: the view calls its own modelChanged when it opens). */
    void registerView(final AbstractNodeView<?> view) {
        m_views.add(view);
    }

    void unregisterView(final AbstractNodeView<?> view) {
        m_views.remove(view);
    }

    /** @return the open views (for the test harness) */
    List<AbstractNodeView<?>> views() {
        return List.copyOf(m_views);
    }

    /**
     * Whether the node is executed (KNIME: set after a successful execute, cleared by reset, restored when an
     * executed node is loaded); a change tells the open views ({@link #stateChanged()}).
     */
    final void setHasContent(final boolean hasContent) {
        if (hasContent != m_hasContent) {
            m_hasContent = hasContent;
            stateChanged();
        }
    }

    /** @return whether the node is executed (its views show their component, else a "no data" label) */
    final boolean hasContent() {
        return m_hasContent;
    }

    /**
     * Computes the output specs; by default casts the specs to table specs (an InvalidSettingsException for another
     * spec, as in KNIME) and calls {@link #configure(DataTableSpec[])}.
     *
     * @param inSpecs the input specs (an empty table spec stands in for a missing table spec of a required port;
     *            null for an unconnected optional input)
     * @return the output specs (null entries for unknown)
     * @throws InvalidSettingsException if the node cannot be configured
     */
    protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        DataTableSpec[] specs = new DataTableSpec[inSpecs.length];
        for (int i = 0; i < inSpecs.length; i++) {
            if (inSpecs[i] != null && !(inSpecs[i] instanceof DataTableSpec)) {
                throw new InvalidSettingsException("Input Port " + i + " does not hold data table specs. Likely "
                    + "reason: wrong version of NodeModel.configure() overwritten!");
            }
            specs[i] = (DataTableSpec)inSpecs[i];
        }
        return configure(specs);
    }

    /**
     * @param inSpecs the input table specs
     * @return the output table specs
     * @throws InvalidSettingsException if the node cannot be configured (always, unless overridden, as in KNIME)
     */
    protected DataTableSpec[] configure(final DataTableSpec[] inSpecs) throws InvalidSettingsException {
        throw new InvalidSettingsException("NodeModel.configure() implementation missing!");
    }

    /**
     * What KNIME runs around {@link #configure(PortObjectSpec[])} ({@code NodeModel#configureModel}, 5.5.3): clears
     * the warning; an empty table spec stands in for a missing spec of a required table port; a spec of the wrong
     * class fails ("Incompatible port spec"); a null result means unknown specs. A result of the wrong length, which
     * KNIME logs as an error and treats as unknown specs, fails here.
     */
    final PortObjectSpec[] configureModel(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        setWarningMessage(null);
        PortObjectSpec[] specs = inSpecs.clone();
        for (int i = 0; i < specs.length; i++) {
            PortType type = getInPortType(i);
            if (specs[i] == null && BufferedDataTable.TYPE.equals(type)) {
                specs[i] = new DataTableSpec();
            }
            Class<? extends PortObjectSpec> expected = type.getPortObjectSpecClass();
            if (specs[i] != null && !expected.isInstance(specs[i])) {
                throw new InvalidSettingsException("Incompatible port spec" + (specs.length > 1 ? " at port " + i : "")
                    + ", expected: " + expected.getSimpleName() + ", actual: " + specs[i].getClass().getSimpleName());
            }
        }
        PortObjectSpec[] out = configure(specs);
        if (out == null) {
            return new PortObjectSpec[getNrOutPorts()];
        }
        if (out.length != getNrOutPorts()) {
            throw new IllegalStateException("Output spec-array length invalid: " + out.length + " <> "
                + getNrOutPorts() + " (KNIME logs this error and takes the output specs as unknown)");
        }
        return out;
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
     * The default operator, as KNIME's ({@code NodeModel#createStreamableOperator}, 5.5.3): for partition 0 only, it
     * takes every input as a {@link PortObjectInput} (the default input roles are not streamable; a node declaring a
     * streamable input without its own operator fails here with a ClassCastException, as in KNIME), runs the node's
     * execute as KNIME runs it (executeModel) and hands each output over (a table with {@code setFully}).
     *
     * @param partitionInfo the partition this operator runs on
     * @param inSpecs the input specs
     * @return the operator
     * @throws InvalidSettingsException if the node cannot be configured
     */
    public StreamableOperator createStreamableOperator(final PartitionInfo partitionInfo,
        final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        if (partitionInfo.getPartitionIndex() != 0) {
            throw new IllegalStateException("Default implementation of a streaming execution should not be "
                + "distributed (this appears to be partition " + partitionInfo.getPartitionIndex() + ")");
        }
        return new StreamableOperator() {
            @Override
            public void runFinal(final PortInput[] inputs, final PortOutput[] outputs, final ExecutionContext exec)
                throws Exception {
                PortObject[] in = new PortObject[inputs.length];
                for (int i = 0; i < inputs.length; i++) {
                    if (inputs[i] != null) {
                        in[i] = ((PortObjectInput)inputs[i]).getPortObject();
                    }
                }
                PortObject[] out = executeModel(in, exec);
                for (int i = 0; i < outputs.length; i++) {
                    if (out[i] != null && getOutPortType(i).equals(BufferedDataTable.TYPE)) {
                        ((RowOutput)outputs[i]).setFully((BufferedDataTable)out[i]);
                    } else if (out[i] != null) {
                        ((PortObjectOutput)outputs[i]).setPortObject(out[i]);
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
