package org.knime.core.node;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortObjectTestIO;

/**
 * Test support: a node as KNIME saved it, to be loaded back as KNIME loads it. Two ways, both from knime/knime-core
 * at {@code analytics-platform/5.5.3} (unchanged on master):
 * <ul>
 * <li>{@link NodeTestHarness#save}: the workflow is saved ({@code FileNodePersistor#save}): the settings; the
 * internals directory {@code <node>/internal}, emptied and then filled by {@code saveInternals}, for every node
 * (executed or not; {@code Node#saveInternals}); the outputs through their serializers; the internal tables.
 * {@link #load} then opens the workflow into a new model: settings validated and loaded
 * ({@code FileNativeNodeContainerPersistor#loadNCAndModelSettings}); the outputs deserialized (so a
 * {@code PNGImageContent} is decoded again); the executed flag, the warning, {@code loadInternals} with that
 * directory, only for an executed node, then {@code setInternalTables} with tables equal to the saved ones
 * ({@code Node#loadDataAndInternals}); configure is not called for an executed node
 * ({@code WorkflowManager#postLoad}); a node that was not executed is configured next by KNIME with its inputs'
 * specs, which a test does with {@link NodeTestHarness#configure}.</li>
 * <li>{@link NodeTestHarness#executionResult}: a streamed component runs a copy of each node and hands its result
 * back ({@code Node#createNodeExecutionResult}, knime/knime-streaming {@code SingleNodeStreamer},
 * {@code SimpleStreamerNodeExecutionJob}): {@code saveInternals} into a fresh temporary directory, but only if the
 * copy is executed (ran {@code execute}; a streamable operator of its own does not make it so), the same output and
 * internal table objects. {@link #loadInto} gives it to the original model, which was configured but never executed:
 * executed flag, warning, {@code loadInternals} (only if executed), {@code setInternalTables}.</li>
 * </ul>
 * Open views of the model are told after loading ({@code modelChanged} on the event dispatch thread).
 */
public final class SavedNode {

    private final NodeSettings m_settings;

    private final boolean m_hasContent;

    private final String m_warning;

    private final File m_internDir;

    private final PortObject[] m_outputs;

    private final byte[][][] m_serializedOutputs;

    private final BufferedDataTable[] m_tables;

    private SavedNode(final NodeSettings settings, final boolean hasContent, final String warning,
        final File internDir, final PortObject[] outputs, final byte[][][] serializedOutputs,
        final BufferedDataTable[] tables) {
        m_settings = settings;
        m_hasContent = hasContent;
        m_warning = warning;
        m_internDir = internDir;
        m_outputs = outputs;
        m_serializedOutputs = serializedOutputs;
        m_tables = tables;
    }

    /** Saves as KNIME saves a workflow (see the class comment). */
    static SavedNode save(final NodeModel model, final Path nodeDir) throws IOException, CanceledExecutionException {
        NodeSettings settings = NodeTestHarness.saveSettings(model);
        File intern = emptyDirectory(nodeDir.resolve("internal"));
        model.saveInternals(intern, new ExecutionMonitor());
        PortObject[] outputs = NodeContent.outputs(model);
        byte[][][] serialized = null;
        if (model.hasContent() && outputs != null) {
            serialized = new byte[outputs.length][][];
            for (int i = 0; i < outputs.length; i++) {
                serialized[i] = outputs[i] instanceof BufferedDataTable ? null : serialize(outputs[i]);
            }
        }
        return new SavedNode(settings, model.hasContent(), model.getWarningMessage(), intern, outputs, serialized,
            copies(NodeContent.internalTables(model)));
    }

    /** What the streaming executor keeps of a node copy that ran (see the class comment). */
    static SavedNode executionResult(final NodeModel model, final Path tempDir)
        throws IOException, CanceledExecutionException {
        File intern = null;
        if (model.hasContent()) {
            intern = emptyDirectory(tempDir.resolve("knime_node_internDir"));
            model.saveInternals(intern, new ExecutionMonitor());
        }
        return new SavedNode(null, model.hasContent(), model.getWarningMessage(), intern,
            NodeContent.outputs(model), null, NodeContent.internalTables(model));
    }

    /**
     * Opens the saved workflow: a new model from the factory, loaded as KNIME loads it (see the class comment).
     *
     * @param <T> the model class
     * @param factory the node's factory
     * @return the loaded model
     * @throws Exception what the model throws while loading its settings or internals, or an output fails to load
     */
    public <T extends NodeModel> T load(final NodeFactory<T> factory) throws Exception {
        if (m_settings == null) {
            throw new IllegalStateException("An execution result has no settings: use loadInto(the original model)");
        }
        T model = NodeTestHarness.createModel(factory);
        NodeTestHarness.loadSettings(model, m_settings);
        PortObject[] outputs = null;
        if (m_serializedOutputs != null) {
            outputs = new PortObject[m_outputs.length];
            for (int i = 0; i < outputs.length; i++) {
                outputs[i] = m_serializedOutputs[i] == null ? copy((BufferedDataTable)m_outputs[i])
                    : deserialize(m_serializedOutputs[i], m_outputs[i]);
            }
        }
        loadContent(model, outputs, copies(m_tables));
        return model;
    }

    /**
     * Gives a streamed copy's result to the original model (see the class comment).
     *
     * @param model the original model (configured, not executed)
     * @throws Exception what the model throws while loading its internals
     */
    public void loadInto(final NodeModel model) throws Exception {
        loadContent(model, m_outputs, m_tables);
    }

    /** Node#loadDataAndInternals: executed flag, outputs, warning, internals, internal tables; then the views. */
    private void loadContent(final NodeModel model, final PortObject[] outputs, final BufferedDataTable[] tables)
        throws IOException, CanceledExecutionException {
        model.setHasContent(m_hasContent);
        model.setWarningMessage(m_warning);
        if (m_hasContent && m_internDir != null) {
            model.loadInternals(m_internDir, new ExecutionMonitor());
        }
        NodeContent.loaded(model, m_hasContent ? outputs : null, tables);
        NodeTestHarness.settleViews(model);
    }

    /** @return the internals directory (null for an execution result of a copy that was not executed) */
    public File internDirectory() {
        return m_internDir;
    }

    /** @return whether the node was executed when saved */
    public boolean wasExecuted() {
        return m_hasContent;
    }

    private static File emptyDirectory(final Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> all = Files.walk(dir)) {
                for (Path p : (Iterable<Path>)all.sorted(Comparator.reverseOrder())::iterator) {
                    Files.delete(p);
                }
            }
        }
        return Files.createDirectories(dir).toFile();
    }

    private static BufferedDataTable copy(final BufferedDataTable t) {
        return new BufferedDataTable(t.getDataTableSpec(), t.rows());
    }

    private static BufferedDataTable[] copies(final BufferedDataTable[] tables) {
        return tables == null ? null : Stream.of(tables).map(t -> t == null ? null : copy(t))
            .toArray(BufferedDataTable[]::new);
    }

    /** The spec and the object, each through its serializer (as KNIME writes a port). */
    private static byte[][] serialize(final PortObject o) throws IOException, CanceledExecutionException {
        return new byte[][]{saveSpec(o.getSpec()), saveObject(o)};
    }

    private static PortObject deserialize(final byte[][] bytes, final PortObject saved)
        throws IOException, CanceledExecutionException {
        PortObjectSpec spec = loadSpec(bytes[0], saved.getSpec());
        return loadObject(bytes[1], saved, spec);
    }

    @SuppressWarnings("unchecked")
    private static <S extends PortObjectSpec> byte[] saveSpec(final S spec) throws IOException {
        return PortObjectTestIO.saveSpec(spec, PortObjectTestIO.specSerializer((Class<S>)spec.getClass()));
    }

    @SuppressWarnings("unchecked")
    private static <S extends PortObjectSpec> S loadSpec(final byte[] zip, final S like) throws IOException {
        return PortObjectTestIO.loadSpec(zip, PortObjectTestIO.specSerializer((Class<S>)like.getClass()));
    }

    @SuppressWarnings("unchecked")
    private static <P extends PortObject> byte[] saveObject(final P o) throws IOException,
        CanceledExecutionException {
        return PortObjectTestIO.savePortObject(o, PortObjectTestIO.objectSerializer((Class<P>)o.getClass()));
    }

    @SuppressWarnings("unchecked")
    private static <P extends PortObject> P loadObject(final byte[] zip, final P like, final PortObjectSpec spec)
        throws IOException, CanceledExecutionException {
        return PortObjectTestIO.loadPortObject(zip, PortObjectTestIO.objectSerializer((Class<P>)like.getClass()),
            spec);
    }
}
