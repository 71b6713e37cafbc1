package org.knime.core.node;

import java.awt.Component;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.knime.core.data.DataTableSpec;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortObjectTestIO;
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
 * MyNodeModel reopened = NodeTestHarness.save(m, dir).load(new MyNodeFactory()); // workflow saved and opened
 * </pre>
 * What KNIME does at each step, and where that is in KNIME's sources, is in the module's README.
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
        NodeDialogPane dialog = factory.createNodeDialogPane();
        DialogPorts.remember(dialog, inPortTypes(factory.createNodeModel()));
        return dialog;
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
     * Applies settings as KNIME does ({@code WorkflowManager#loadNodeSettings}, 5.5.3): validates them, resets the
     * node if it is executed, then loads them ({@code NodeModel#loadSettingsFrom}: validate again, then
     * {@code loadValidatedSettingsFrom}). KNIME then configures the node, which a test does with
     * {@link #configure}.
     *
     * @param model a model
     * @param settings the settings
     * @throws InvalidSettingsException if the model rejects them
     */
    public static void loadSettings(final NodeModel model, final NodeSettingsRO settings)
        throws InvalidSettingsException {
        model.validateSettings(settings);
        if (model.hasContent()) {
            reset(model);
        }
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
     * Configures as KNIME does. Refused (IllegalStateException) when a required input has no spec: KNIME never
     * configures a node before every required input has one ({@code Node#configure} returns early and the node
     * stays unconfigured), so a node's own check for it cannot run. Then {@code NodeModel#configureModel}: the
     * warning is cleared, a spec of the wrong class fails with InvalidSettingsException ("Incompatible port spec"),
     * a null result means unknown output specs.
     *
     * @param model a model
     * @param inSpecs the input specs (null only for an unconnected optional input)
     * @return the output specs (null entries for unknown)
     * @throws InvalidSettingsException if the model cannot be configured
     */
    public static PortObjectSpec[] configure(final NodeModel model, final PortObjectSpec... inSpecs)
        throws InvalidSettingsException {
        checkCount("input specs", inSpecs.length, model.getNrInPorts());
        requireInputs(model, inSpecs, "spec", "configures");
        return model.configureModel(inSpecs);
    }

    /**
     * Executes as KNIME does ({@code Node#execute}, {@code NodeModel#executeModel}, 5.5.3): refused when a required
     * input is missing; an executed node is reset first (KNIME resets a node before it executes it again); an input
     * that is not a table reaches the model as a copy made through its serializers ({@code Node#copyPortObject});
     * then executeModel (warning cleared, input classes, outputs checked, input tables passed on wrapped, KNIME's
     * empty-table warning, the node marked executed); then the outputs and the internal tables of a
     * {@link BufferedDataTableHolder} are kept ({@link #outputs}, {@link #internalTables}); open views get their
     * {@code modelChanged} on the event dispatch thread, which is waited for.
     *
     * @param model a model
     * @param exec the execution context (e.g. {@code TestExecution.create().context()})
     * @param inputs the inputs
     * @return the outputs
     * @throws Exception whatever {@code execute} throws
     */
    public static PortObject[] execute(final NodeModel model, final ExecutionContext exec,
        final PortObject... inputs) throws Exception {
        checkCount("inputs", inputs.length, model.getNrInPorts());
        requireInputs(model, inputs, "data", "executes");
        if (model.hasContent()) {
            reset(model);
        }
        PortObject[] in = new PortObject[inputs.length];
        for (int i = 0; i < in.length; i++) {
            in[i] = inputs[i] == null || inputs[i] instanceof BufferedDataTable ? inputs[i]
                : PortObjectTestIO.roundTrip(inputs[i]);
        }
        PortObject[] out = model.executeModel(in, exec);
        NodeContent.executed(model, in, out, exec);
        settleViews(model);
        return out;
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

    /**
     * Resets as KNIME does ({@code NativeNodeContainer#performReset}): the model's reset (warning cleared, node
     * marked not executed, see {@code NodeModel#resetModel}), then the node's internal tables are disposed (reading
     * one fails afterwards); open views get their {@code modelChanged} on the event dispatch thread after that.
     *
     * @param model a model to reset
     */
    public static void reset(final NodeModel model) {
        try {
            model.resetModel();
        } finally {
            NodeContent.reset(model);
            settleViews(model);
        }
    }

    /**
     * @param model a model
     * @return the outputs KNIME holds for it (of the last execute or load; null if none)
     */
    public static PortObject[] outputs(final NodeModel model) {
        return NodeContent.outputs(model);
    }

    /**
     * @param model a model (a {@link BufferedDataTableHolder})
     * @return the internal tables KNIME holds for it (taken after execute, given back after load; null if none)
     */
    public static BufferedDataTable[] internalTables(final NodeModel model) {
        return NodeContent.internalTables(model);
    }

    /**
     * @param model a model
     * @return whether KNIME sees it executed (after execute or the load of an executed node, until reset)
     */
    public static boolean isExecuted(final NodeModel model) {
        return model.hasContent();
    }

    /**
     * Saves the node as KNIME saves a workflow; {@link SavedNode#load} opens it again into a new model.
     *
     * @param model a model
     * @param nodeDir the node's folder in the workflow (its {@code internal} folder is emptied and filled)
     * @return what was saved
     * @throws IOException if saving fails
     * @throws CanceledExecutionException never
     */
    public static SavedNode save(final NodeModel model, final Path nodeDir)
        throws IOException, CanceledExecutionException {
        return SavedNode.save(model, nodeDir);
    }

    /**
     * What a streamed component keeps of a node copy it ran; {@link SavedNode#loadInto} gives it to the original.
     *
     * @param model the copy (run with {@link #runStreamable})
     * @param tempDir a folder for its internals
     * @return the execution result
     * @throws IOException if saving fails
     * @throws CanceledExecutionException never
     */
    public static SavedNode executionResult(final NodeModel model, final Path tempDir)
        throws IOException, CanceledExecutionException {
        return SavedNode.executionResult(model, tempDir);
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

    /** KNIME neither configures nor executes a node while a required input has no spec or data. */
    private static void requireInputs(final NodeModel model, final Object[] given, final String what,
        final String action) {
        for (int i = 0; i < given.length; i++) {
            PortType type = model.getInPortType(i);
            if (given[i] == null && !type.isOptional()) {
                throw new IllegalStateException("Input " + i + " (" + type + ", required) has no " + what
                    + ": KNIME never " + action + " a node before every required input has its " + what
                    + " (the node just stays unconfigured), so the node's own handling of it is dead code");
            }
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
     * as {@link #run} does. As with {@link #execute}, missing required inputs are refused and an executed node is
     * reset first; afterwards the outputs and internal tables are kept as KNIME's streaming executor keeps them (the
     * node counts as executed only if its operator ran execute, as the default operator does).
     *
     * @param model a model
     * @param exec the execution context
     * @param inputs the inputs
     * @return the outputs and the inputs/outputs given to the operator
     * @throws Exception whatever the operator throws
     */
    public static StreamingResult runStreamable(final NodeModel model, final ExecutionContext exec,
        final PortObject... inputs) throws Exception {
        checkCount("inputs", inputs.length, model.getNrInPorts());
        requireInputs(model, inputs, "data", "executes");
        if (model.hasContent()) {
            reset(model);
        }
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
        // the streaming executor takes the internal tables after the run (SingleNodeStreamer, knime-streaming 5.5.3);
        // the node counts as executed only if its operator ran execute (the default operator does)
        NodeContent.executed(model, new PortObject[0], result, exec);
        settleViews(model);
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
     * Opens a dialog as KNIME does ({@code Node#initDialogPaneWithSettings}, {@code NodeDialogPane
     * #internalLoadSettingsFrom} and {@code #callOnOpen}, 5.5.3): the dialog gets, for a required table port without
     * spec (not connected, or its predecessor not configured), an empty {@link DataTableSpec}; for any other port
     * without spec, null; a spec of the wrong class is a NotConfigurableException ("Invalid incoming port object
     * spec"). {@code loadSettingsFrom} and then {@code onOpen} run on the event dispatch thread. KNIME only logs an
     * exception other than NotConfigurableException from {@code loadSettingsFrom} and opens the dialog anyway; here
     * it fails (IllegalStateException) so that a test sees it. The dialog must come from {@link #createDialog} (the
     * port types are the node's).
     *
     * @param dialog the dialog
     * @param settings the node's settings
     * @param specs the input specs (null for a missing one)
     * @throws NotConfigurableException if the dialog cannot be opened for these specs
     */
    public static void loadDialog(final NodeDialogPane dialog, final NodeSettingsRO settings,
        final PortObjectSpec... specs) throws NotConfigurableException {
        PortType[] ports = DialogPorts.of(dialog);
        checkCount("input specs", specs.length, ports.length);
        PortObjectSpec[] given = new PortObjectSpec[specs.length];
        for (int i = 0; i < specs.length; i++) {
            if (!ports[i].acceptsPortObjectSpec(specs[i])) {
                throw new NotConfigurableException("Invalid incoming port object spec \""
                    + specs[i].getClass().getSimpleName() + "\", expected \""
                    + ports[i].getPortObjectSpecClass().getSimpleName() + "\"");
            }
            given[i] = specs[i] == null && BufferedDataTable.TYPE.equals(ports[i]) ? new DataTableSpec() : specs[i];
        }
        try {
            Edt.call(() -> {
                dialog.loadSettingsFrom(settings, given);
                return null;
            });
        } catch (RuntimeException e) {
            throw new IllegalStateException("The dialog's loadSettingsFrom threw " + e + " (KNIME logs it as an "
                + "error and opens the dialog anyway)", e);
        }
        Edt.call(() -> {
            dialog.onOpen();
            return null;
        });
    }

    /**
     * Presses OK: the dialog saves its settings, on the event dispatch thread (as in KNIME).
     *
     * @param dialog the dialog
     * @return the saved settings
     * @throws InvalidSettingsException if the dialog rejects its input
     */
    public static NodeSettings saveDialog(final NodeDialogPane dialog) throws InvalidSettingsException {
        NodeSettings s = new NodeSettings("model");
        Edt.call(() -> {
            dialog.finishEditingAndSaveSettingsTo(s);
            return null;
        });
        return s;
    }

    /** @param dialog the dialog to close ({@code onClose()}, on the event dispatch thread) */
    public static void closeDialog(final NodeDialogPane dialog) {
        Edt.call(() -> {
            dialog.callOnClose();
            return null;
        });
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
     * Opens a view as KNIME does ({@code AbstractNodeView#openView}, {@code NodeView#callOpenView}, 5.5.3): the view
     * is registered with its model, then, on the event dispatch thread, {@code onOpen()} and then
     * {@code modelChanged()} once (if the view has a component or its "no data" label); waits for the event
     * dispatch thread. Fails (AssertionError) when the view's code threw there (KNIME logs it and shows a stale or
     * empty view).
     *
     * @param view the view
     */
    public static void openView(final NodeView<?> view) {
        view.openView(view.getClass().getSimpleName(), null);
        settle(view);
    }

    /** @param view the view to close (unregistered, then {@code onClose()} on the event dispatch thread) */
    public static void closeView(final NodeView<?> view) {
        ((AbstractNodeView<?>)view).closeView();
        settle(view);
    }

    /**
     * @param view a view
     * @return its component (the one last set with {@code setComponent}; null after closing)
     */
    public static Component viewComponent(final NodeView<?> view) {
        return Edt.call(view::getComponent);
    }

    /**
     * @param view a view
     * @return what it displays: its component, or the "No data to display" label while the model is not executed
     */
    public static Component displayedComponent(final NodeView<?> view) {
        return Edt.call(view::displayedComponent);
    }

    /**
     * @param view a view
     * @return whether it is open
     */
    public static boolean isOpen(final NodeView<?> view) {
        return Edt.call(view::isOpen);
    }

    /**
     * @param model a model whose open views are told it changed ({@code stateChanged()}: {@code modelChanged()} on
     *            the event dispatch thread, waited for)
     */
    public static void notifyViews(final NodeModel model) {
        model.stateChanged();
        settleViews(model);
    }

    /** Waits for what the model's open views were posted to the event dispatch thread; fails if they threw. */
    static void settleViews(final NodeModel model) {
        Edt.flush();
        model.views().forEach(NodeTestHarness::settle);
    }

    private static void settle(final AbstractNodeView<?> view) {
        Edt.flush();
        Throwable t = view.takeFailure();
        if (t != null) {
            throw new AssertionError("The view " + view.getClass().getName() + " threw " + t + " on the event "
                + "dispatch thread (KNIME logs it as an error and the view shows stale or no content)", t);
        }
    }
}
