package org.knime.core.node;

import java.awt.Component;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.knime.core.data.DataTableSpec;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;
import org.knime.core.node.streamable.InputPortRole;
import org.knime.core.node.streamable.PartitionInfo;
import org.knime.core.node.streamable.PortInput;
import org.knime.core.node.streamable.PortObjectInput;
import org.knime.core.node.streamable.PortObjectOutput;
import org.knime.core.node.streamable.PortOutput;
import org.knime.core.node.streamable.StreamableOperator;
import org.knime.core.node.streamable.StreamableOperatorInternals;
import org.knime.core.node.streamable.TestRowInput;
import org.knime.core.node.streamable.TestRowOutput;

/**
 * Test support (test-jar of the knime-api stand-in): drives node factories, models, dialogs and views the way
 * KNIME does, by calling their protected methods (this class lives in package {@code org.knime.core.node}).
 *
 * <p>Typical use:
 * <pre>
 * MyNodeModel m = NodeTestHarness.createModel(new MyNodeFactory());
 * NodeSettings s = NodeTestHarness.saveSettings(m);        // defaults
 * NodeTestHarness.loadSettings(m, s);                       // validate + load
 * PortObject[] out = NodeTestHarness.run(m, exec.context(), inputTable);  // configure + execute + checks
 * StreamingResult r = NodeTestHarness.runStreamable(m, inputTable);       // same via the streamable operator
 * </pre>
 */
public final class NodeTestHarness {

    private NodeTestHarness() {
    }

    // ------------------------------------------------------------------------------------------------ factory

    /**
     * @param <T> the model class
     * @param factory a node factory
     * @return a new model
     */
    public static <T extends NodeModel> T createModel(final NodeFactory<T> factory) {
        return factory.createNodeModel();
    }

    /**
     * @param factory a node factory
     * @return its number of views
     */
    public static int nrViews(final NodeFactory<?> factory) {
        return factory.getNrNodeViews();
    }

    /**
     * @param factory a node factory
     * @return whether it has a dialog
     */
    @SuppressWarnings("removal")
    public static boolean hasDialog(final NodeFactory<?> factory) {
        return factory.hasDialog();
    }

    /**
     * @param factory a node factory
     * @return its dialog (as KNIME creates it: only if {@code hasDialog()})
     */
    @SuppressWarnings("removal")
    public static NodeDialogPane createDialog(final NodeFactory<?> factory) {
        if (!factory.hasDialog()) {
            throw new IllegalStateException(factory.getClass().getName() + " has no dialog");
        }
        return factory.createNodeDialogPane();
    }

    /**
     * @param <T> the model class
     * @param factory a node factory
     * @param index a view index below {@code getNrNodeViews()}
     * @param model the model to show
     * @return the view
     */
    @SuppressWarnings("removal")
    public static <T extends NodeModel> NodeView<T> createView(final NodeFactory<T> factory, final int index,
        final T model) {
        if (index < 0 || index >= factory.getNrNodeViews()) {
            throw new IndexOutOfBoundsException("View index " + index + " but the factory has "
                + factory.getNrNodeViews() + " views");
        }
        return factory.createNodeView(index, model);
    }

    // ------------------------------------------------------------------------------------------------ settings

    /**
     * @param model a model
     * @return its current settings (as KNIME saves them)
     */
    public static NodeSettings saveSettings(final NodeModel model) {
        NodeSettings s = new NodeSettings("model");
        model.saveSettingsTo(s);
        return s;
    }

    /**
     * @param model a model
     * @param settings settings to check
     * @throws InvalidSettingsException if the model rejects them
     */
    public static void validateSettings(final NodeModel model, final NodeSettingsRO settings)
        throws InvalidSettingsException {
        model.validateSettings(settings);
    }

    /**
     * Validates, then loads settings (what KNIME does when settings are applied).
     *
     * @param model a model
     * @param settings the settings
     * @throws InvalidSettingsException if the model rejects them
     */
    public static void loadSettings(final NodeModel model, final NodeSettingsRO settings)
        throws InvalidSettingsException {
        model.validateSettings(settings);
        model.loadValidatedSettingsFrom(settings);
    }

    /**
     * @param model a model
     * @param settings the settings, loaded without validating first
     * @throws InvalidSettingsException if the model rejects them
     */
    public static void loadValidatedSettings(final NodeModel model, final NodeSettingsRO settings)
        throws InvalidSettingsException {
        model.loadValidatedSettingsFrom(settings);
    }

    // ------------------------------------------------------------------------------------------------ lifecycle

    /**
     * @param model a model
     * @param inSpecs the input specs (null for unknown)
     * @return the output specs
     * @throws InvalidSettingsException if the model cannot be configured
     */
    public static PortObjectSpec[] configure(final NodeModel model, final PortObjectSpec... inSpecs)
        throws InvalidSettingsException {
        checkCount("input specs", inSpecs.length, model.getNrInPorts());
        model.setWarningMessage(null); // KNIME clears the node's warning before each configure
        PortObjectSpec[] out = model.configure(inSpecs);
        if (out == null || out.length != model.getNrOutPorts()) {
            throw new IllegalStateException("configure returned " + (out == null ? "null" : out.length + " specs")
                + " for " + model.getNrOutPorts() + " outputs");
        }
        return out;
    }

    /**
     * @param model a model
     * @param exec the execution context (e.g. {@code TestExecution.create().context()})
     * @param inputs the inputs
     * @return the outputs
     * @throws Exception whatever {@code execute} throws
     */
    public static PortObject[] execute(final NodeModel model, final ExecutionContext exec,
        final PortObject... inputs) throws Exception {
        checkCount("inputs", inputs.length, model.getNrInPorts());
        model.setWarningMessage(null); // KNIME clears the node's warning before each execute: configure's is gone
        PortObject[] out = model.execute(inputs, exec);
        emptyTableWarning(model, out);
        return out;
    }

    /**
     * What KNIME adds after a successful execute when the node set no warning of its own: a warning when every
     * output table is empty ("Node created an empty data table." for one table port, "Node created empty data tables
     * on all out-ports." for more).
     */
    private static void emptyTableWarning(final NodeModel model, final PortObject[] out) {
        if (model.getWarningMessage() != null || out == null) {
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
            model.setWarningMessage(tables == 1 ? "Node created an empty data table."
                : "Node created empty data tables on all out-ports.");
        }
    }

    /**
     * @param model a model
     * @param inputs the inputs
     * @return the outputs (executed with a fresh {@link TestExecution})
     * @throws Exception whatever {@code execute} throws
     */
    public static PortObject[] execute(final NodeModel model, final PortObject... inputs) throws Exception {
        return execute(model, TestExecution.create().context(), inputs);
    }

    /**
     * Runs a node like KNIME: configure with the inputs' specs, then execute, then checks what KNIME checks: the
     * number of outputs, each output matching its port type, and each output table's spec equal to the spec
     * configure returned (when configure returned one).
     *
     * @param model a model
     * @param exec the execution context
     * @param inputs the inputs
     * @return the outputs
     * @throws Exception whatever configure or execute throws; IllegalStateException if a check fails
     */
    public static PortObject[] run(final NodeModel model, final ExecutionContext exec, final PortObject... inputs)
        throws Exception {
        PortObjectSpec[] specs = configure(model, specsOf(inputs));
        PortObject[] out = execute(model, exec, inputs);
        checkOutputs(model, specs, out);
        return out;
    }

    /**
     * @param model a model
     * @param inputs the inputs
     * @return the outputs of {@link #run(NodeModel, ExecutionContext, PortObject...)} with a fresh execution
     * @throws Exception whatever configure or execute throws
     */
    public static PortObject[] run(final NodeModel model, final PortObject... inputs) throws Exception {
        return run(model, TestExecution.create().context(), inputs);
    }

    /** @param model a model to reset */
    public static void reset(final NodeModel model) {
        model.reset();
    }

    /**
     * @param model a model
     * @param dir the node's internals directory
     * @throws IOException if writing fails
     * @throws CanceledExecutionException if canceled
     */
    public static void saveInternals(final NodeModel model, final File dir)
        throws IOException, CanceledExecutionException {
        model.saveInternals(dir, new ExecutionMonitor());
    }

    /**
     * @param model a model
     * @param dir the node's internals directory
     * @throws IOException if reading fails
     * @throws CanceledExecutionException if canceled
     */
    public static void loadInternals(final NodeModel model, final File dir)
        throws IOException, CanceledExecutionException {
        model.loadInternals(dir, new ExecutionMonitor());
    }

    /**
     * @param model a model
     * @return its warning message, or null
     */
    public static String warningMessage(final NodeModel model) {
        return model.getWarningMessage();
    }

    /**
     * @param model a model
     * @return its input port types
     */
    public static PortType[] inPortTypes(final NodeModel model) {
        PortType[] t = new PortType[model.getNrInPorts()];
        for (int i = 0; i < t.length; i++) {
            t[i] = model.getInPortType(i);
        }
        return t;
    }

    /**
     * @param model a model
     * @return its output port types
     */
    public static PortType[] outPortTypes(final NodeModel model) {
        PortType[] t = new PortType[model.getNrOutPorts()];
        for (int i = 0; i < t.length; i++) {
            t[i] = model.getOutPortType(i);
        }
        return t;
    }

    /**
     * @param objects port objects (null entries allowed)
     * @return their specs
     */
    public static PortObjectSpec[] specsOf(final PortObject... objects) {
        PortObjectSpec[] s = new PortObjectSpec[objects.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = objects[i] == null ? null : objects[i].getSpec();
        }
        return s;
    }

    private static void checkCount(final String what, final int given, final int expected) {
        if (given != expected) {
            throw new IllegalArgumentException("Got " + given + " " + what + " but the node has " + expected);
        }
    }

    private static void checkOutputs(final NodeModel model, final PortObjectSpec[] configured,
        final PortObject[] out) {
        if (out == null || out.length != model.getNrOutPorts()) {
            throw new IllegalStateException("execute returned " + (out == null ? "null" : out.length + " objects")
                + " for " + model.getNrOutPorts() + " outputs");
        }
        for (int i = 0; i < out.length; i++) {
            PortType type = model.getOutPortType(i);
            if (out[i] == null) {
                throw new IllegalStateException("Output " + i + " is null");
            }
            if (!type.acceptsPortObject(out[i])) {
                throw new IllegalStateException("Output " + i + " is a " + out[i].getClass().getName()
                    + ", not a " + type.getPortObjectClass().getName());
            }
            if (configured[i] instanceof DataTableSpec cs && out[i] instanceof BufferedDataTable t
                && !cs.equalStructure(t.getDataTableSpec())) {
                throw new IllegalStateException("Output table " + i + " has spec " + t.getDataTableSpec()
                    + " but configure promised " + cs);
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ streaming

    /**
     * @param model a model
     * @param inputs the inputs
     * @return the result of {@link #runStreamable(NodeModel, ExecutionContext, PortObject...)} with a fresh
     *         execution
     * @throws Exception whatever the operator throws
     */
    public static StreamingResult runStreamable(final NodeModel model, final PortObject... inputs)
        throws Exception {
        return runStreamable(model, TestExecution.create().context(), inputs);
    }

    /**
     * Executes a node in streaming mode with one partition, as KNIME's streaming executor does: configure; create
     * the operator; pass a {@link TestRowInput} for each streamable input (by {@code getInputPortRoles()}) and a
     * {@link PortObjectInput} for the others; a {@link TestRowOutput} (with the configured spec) for each data
     * output and a {@link PortObjectOutput} for the others; iterate while the model asks for it (if it has
     * internals); {@code runFinal}; {@code finishStreamableExecution} (if it has internals). As KNIME's executor, it
     * closes every row input and output after {@code runFinal} (whether or not the operator did) and never throws
     * {@code OutputClosedException} from {@code push}. Fails if an output object was not set, and checks the outputs
     * as {@link #run} does.
     *
     * @param model a model
     * @param exec the execution context
     * @param inputs the inputs
     * @return the outputs and the inputs/outputs given to the operator
     * @throws Exception whatever the operator throws
     */
    public static StreamingResult runStreamable(final NodeModel model, final ExecutionContext exec,
        final PortObject... inputs) throws Exception {
        PortObjectSpec[] inSpecs = specsOf(inputs);
        PortObjectSpec[] outSpecs = configure(model, inSpecs);
        StreamableOperator op = model.createStreamableOperator(new PartitionInfo(0, 1), inSpecs);
        if (op == null) {
            throw new IllegalStateException("createStreamableOperator returned null");
        }
        StreamableOperatorInternals internals = model.createInitialStreamableOperatorInternals();
        int iterations = 0;
        if (internals != null) {
            while (model.iterate(internals)) {
                iterations++;
                op.loadInternals(internals);
                op.runIntermediate(portInputs(model, inputs).toArray(new PortInput[0]), exec);
                StreamableOperatorInternals next = op.saveInternals();
                if (next != null) {
                    internals = next;
                }
            }
            outSpecs = model.computeFinalOutputSpecs(internals, inSpecs);
            op.loadInternals(internals);
        }
        List<PortInput> ins = portInputs(model, inputs);
        List<PortOutput> outs = new ArrayList<>();
        for (int i = 0; i < model.getNrOutPorts(); i++) {
            if (BufferedDataTable.class.isAssignableFrom(model.getOutPortType(i).getPortObjectClass())) {
                if (!(outSpecs[i] instanceof DataTableSpec spec)) {
                    throw new IllegalStateException("Streaming needs the spec of output table " + i
                        + " at configure time, but configure returned " + outSpecs[i]);
                }
                outs.add(new TestRowOutput(spec));
            } else {
                outs.add(new PortObjectOutput());
            }
        }
        PortOutput[] outArray = outs.toArray(new PortOutput[0]);
        try {
            op.runFinal(ins.toArray(new PortInput[0]), outArray, exec);
        } finally {
            // KNIME's streaming executor closes every row input and output itself once runFinal returns or fails
            for (PortInput in : ins) {
                if (in instanceof TestRowInput r) {
                    r.close();
                }
            }
            for (PortOutput out : outArray) {
                if (out instanceof TestRowOutput r) {
                    r.close();
                }
            }
        }
        if (internals != null) {
            StreamableOperatorInternals fin = op.saveInternals();
            model.finishStreamableExecution(fin != null ? fin : internals, exec, outArray);
        }
        PortObject[] result = new PortObject[outArray.length];
        for (int i = 0; i < outArray.length; i++) {
            if (outArray[i] instanceof TestRowOutput r) {
                result[i] = r.getTable();
            } else {
                result[i] = ((PortObjectOutput)outArray[i]).getPortObject();
                if (result[i] == null) {
                    throw new IllegalStateException("Port object output " + i + " was not set by the operator");
                }
            }
        }
        checkOutputs(model, outSpecs, result);
        return new StreamingResult(result, ins, outs, iterations);
    }

    private static List<PortInput> portInputs(final NodeModel model, final PortObject[] inputs) {
        checkCount("inputs", inputs.length, model.getNrInPorts());
        InputPortRole[] roles = model.getInputPortRoles();
        List<PortInput> ins = new ArrayList<>();
        for (int i = 0; i < inputs.length; i++) {
            if (roles[i].isStreamable()) {
                if (!(inputs[i] instanceof BufferedDataTable t)) {
                    throw new IllegalStateException("Input " + i + " is streamable but not a data table");
                }
                ins.add(new TestRowInput(t));
            } else {
                ins.add(new PortObjectInput(inputs[i]));
            }
        }
        return ins;
    }

    // ------------------------------------------------------------------------------------------------ dialogs

    /**
     * Opens a dialog as KNIME does: {@code loadSettingsFrom(settings, specs)}, then {@code onOpen()}.
     *
     * @param dialog the dialog
     * @param settings the node's settings
     * @param specs the input specs
     * @throws NotConfigurableException if the dialog cannot be opened for these specs
     */
    public static void loadDialog(final NodeDialogPane dialog, final NodeSettingsRO settings,
        final PortObjectSpec... specs) throws NotConfigurableException {
        dialog.loadSettingsFrom(settings, specs);
        dialog.onOpen();
    }

    /**
     * Presses OK: the dialog saves its settings.
     *
     * @param dialog the dialog
     * @return the saved settings
     * @throws InvalidSettingsException if the dialog rejects its input
     */
    public static NodeSettings saveDialog(final NodeDialogPane dialog) throws InvalidSettingsException {
        NodeSettings s = new NodeSettings("model");
        dialog.finishEditingAndSaveSettingsTo(s);
        return s;
    }

    /** @param dialog the dialog to close ({@code onClose()}) */
    public static void closeDialog(final NodeDialogPane dialog) {
        dialog.callOnClose();
    }

    /**
     * @param dialog a dialog
     * @return its tab titles
     */
    public static List<String> tabTitles(final NodeDialogPane dialog) {
        return dialog.getTabTitles();
    }

    /**
     * @param dialog a dialog
     * @param title a tab title
     * @return the component added for that tab
     */
    public static Component tab(final NodeDialogPane dialog, final String title) {
        return dialog.getTab(title);
    }

    // ------------------------------------------------------------------------------------------------ views

    /**
     * Opens a view (no window): {@code modelChanged()}, then {@code onOpen()}.
     *
     * @param view the view
     */
    public static void openView(final NodeView<?> view) {
        view.callOpenView(view.getClass().getSimpleName());
    }

    /** @param view the view to close ({@code onClose()}) */
    public static void closeView(final NodeView<?> view) {
        view.callCloseView();
    }

    /**
     * @param view a view
     * @return its component (as set with {@code setComponent})
     */
    public static Component viewComponent(final NodeView<?> view) {
        return view.getComponent();
    }

    /**
     * @param view a view
     * @return whether it is open
     */
    public static boolean isOpen(final NodeView<?> view) {
        return view.isOpen();
    }

    /** @param model a model whose open views are told it changed ({@code stateChanged()}) */
    public static void notifyViews(final NodeModel model) {
        model.stateChanged();
    }
}
