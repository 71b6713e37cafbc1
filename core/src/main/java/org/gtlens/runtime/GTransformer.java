package org.gtlens.runtime;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import org.gtlens.model.ContractChecker;
import org.gtlens.model.ModelException;
import org.gtlens.model.ModelInfo;

/**
 * A contract model opened in ONNX Runtime: the one place that owns native resources. It is checked against the
 * contract when opened, is safe to run from several threads at once (KNIME executes nodes in parallel), and
 * shares the single ONNX Runtime environment of the JVM. Once closed it stays closed: a run is refused with
 * an {@link IllegalStateException} naming the model, and closing again does nothing.
 */
public final class GTransformer implements AutoCloseable {

    /** Name of the default model as users see it. */
    public static final String DEFAULT_MODEL_NAME = "built-in example model";
    /**
     * Most values one output of one run may have: its native buffer is indexed by an int in bytes (and its Java copy
     * by an int in values), so batches are planned to stay below this.
     */
    public static final long MAX_OUTPUT_VALUES = (Integer.MAX_VALUE - 8) / Float.BYTES;

    private final OrtEnvironment env;
    private final OrtSession session;
    private final ModelInfo info;
    private final ShapeSpecializer specializer;
    /** Buffers of recent runs, at most one per thread that ran at the same time. */
    private final ConcurrentLinkedQueue<RunBuffers> idle = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Feeds feeds;

    GTransformer(OrtEnvironment env, OrtSession session, ModelInfo info, ShapeSpecializer specializer)
            throws OrtException {
        this.env = env;
        this.session = session;
        this.info = info;
        this.specializer = specializer;
        this.feeds = new Feeds(env, info);
    }

    /** Opens a model file with one intra-op thread. */
    public static GTransformer load(Path file) throws ModelException {
        return load(file, 1);
    }

    /**
     * Opens a model file. Weights stored as external data must sit in the model's folder or below it, links
     * resolved. The file is scanned through a memory map and checked against the contract as it is stored before
     * ONNX Runtime reads it (from the file, so it is never held in Java's heap).
     *
     * @param intraOpThreads threads ONNX Runtime may use inside one run (1 is fastest for small batches)
     */
    public static GTransformer load(Path file, int intraOpThreads) throws ModelException {
        return ModelLoader.load(file, intraOpThreads);
    }

    /** Opens a model held in memory (e.g. carried by a KNIME port); external data is not possible then. */
    public static GTransformer load(byte[] bytes, String name, int intraOpThreads) throws ModelException {
        return ModelLoader.load(bytes, name, intraOpThreads);
    }

    /**
     * Checks a model held in memory against the contract from its own bytes, without ONNX Runtime: no native
     * library, no session (for a KNIME configure). Opening it may still fail on what only ONNX Runtime checks.
     *
     * @param bytes the ONNX model
     * @param name the name messages use
     * @return its checked description, as {@link #info()} of the opened model gives it
     * @throws ModelException when it is not ONNX or does not follow the contract
     */
    public static ModelInfo inspect(byte[] bytes, String name) throws ModelException {
        return ModelLoader.inspect(bytes, name);
    }

    /** Opens the built-in example model shipped inside this library. */
    public static GTransformer loadDefault(int intraOpThreads) throws ModelException {
        return load(defaultModelBytes(), DEFAULT_MODEL_NAME, intraOpThreads);
    }

    /** The bytes of the built-in example model. */
    public static byte[] defaultModelBytes() throws ModelException {
        return ModelLoader.defaultModelBytes();
    }

    /** The checked description of this model; it stays readable after {@link #close()}. */
    public ModelInfo info() {
        return info;
    }

    /** Receives the tensors of one run; see {@link #runReusing}. */
    @FunctionalInterface
    public interface TensorConsumer {
        void accept(Map<String, FloatTensor> tensors) throws Exception;
    }

    /**
     * Runs one rectangular batch and copies the requested outputs into fresh Java arrays the caller may keep.
     *
     * @param tokens  batch * length token ids, row-major (validated by the caller)
     * @param batch   number of sequences
     * @param length  tokens per sequence
     * @param outputs contract output names to fetch
     * @return the requested tensors by name, batch first
     * @throws IllegalStateException when this model is closed
     */
    public Map<String, FloatTensor> run(long[] tokens, int batch, int length, List<String> outputs)
            throws ModelException {
        return run(tokens, batch, length, outputs, Intervention.NONE);
    }

    /**
     * Runs one rectangular batch with an intervention (a version-2 model) and copies the requested outputs into
     * fresh Java arrays, as {@link #run(long[], int, int, List)}.
     */
    public Map<String, FloatTensor> run(long[] tokens, int batch, int length, List<String> outputs,
            Intervention intervention) throws ModelException {
        RunBuffers buffers = runInto(tokens, batch, length, outputs, intervention);
        try {
            return buffers.copyOut();
        } finally {
            giveBack(buffers);
        }
    }

    /**
     * Runs one rectangular batch and hands the outputs to {@code consumer} in Java arrays that are reused by later
     * runs of the same shape: valid only during the call. Streaming a large input this way allocates nothing per
     * batch, which at large batches is a quarter of the time.
     *
     * @throws IllegalStateException when this model is closed
     */
    public void runReusing(long[] tokens, int batch, int length, List<String> outputs, TensorConsumer consumer)
            throws Exception {
        RunBuffers buffers = runInto(tokens, batch, length, outputs, Intervention.NONE);
        try {
            consumer.accept(buffers.copyToReused());
        } finally {
            giveBack(buffers);
        }
    }

    /** Runs a batch into pooled buffers, which the caller gives back when done with them. */
    private RunBuffers runInto(long[] tokens, int batch, int length, List<String> outputs,
            Intervention intervention) throws ModelException {
        if (closed.get()) {
            throw new IllegalStateException("Model " + info.source() + " is closed; open it again to run it.");
        }
        if ((long) batch * length != tokens.length) {
            throw new IllegalArgumentException(tokens.length + " tokens do not make a batch of " + batch + " x "
                    + length);
        }
        RunBuffers buffers = null;
        List<OnnxTensor> owned = new java.util.ArrayList<>();
        try {
            buffers = takeBuffers(batch, length, outputs);
            Map<String, OnnxTensor> inputs = new java.util.LinkedHashMap<>();
            inputs.put(ContractChecker.INPUT_NAME, buffers.input(tokens));
            inputs.putAll(feeds.inputs(intervention, batch, length, owned));
            OrtSession runner = specializer.sessionFor(batch, length, session);
            try (OrtSession.Result ignored = runner.run(inputs, Set.of(), buffers.pinned())) {
                RunBuffers done = buffers;
                buffers = null;
                return done;
            }
        } catch (OrtException e) {
            throw new ModelException("Model " + info.source() + " failed to run on a batch of " + batch
                    + " sequences of length " + length + ": " + OrtMessages.reason(e.getMessage()) + ".", e);
        } finally {
            Feeds.closeAll(owned);
            if (buffers != null) {
                buffers.close();
            }
        }
    }

    /** Buffers of the right shape from the idle pool, or new ones; a pooled set of another shape is released. */
    private RunBuffers takeBuffers(int batch, int length, List<String> outputs) throws OrtException {
        RunBuffers pooled = idle.poll();
        if (pooled != null) {
            if (pooled.fits(batch, length, outputs)) {
                return pooled;
            }
            pooled.close();
        }
        return new RunBuffers(env, info, batch, length, outputs);
    }

    /** Returns buffers to the idle pool; once closed, releases them instead (a run may end after a close). */
    private void giveBack(RunBuffers buffers) {
        idle.offer(buffers);
        if (closed.get()) {
            releaseIdle();
        }
    }

    private void releaseIdle() {
        for (RunBuffers buffers = idle.poll(); buffers != null; buffers = idle.poll()) {
            buffers.close();
        }
    }

    /** Number of extra sessions made for batch shapes that keep coming back (see {@link ShapeSpecializer}). */
    public int specializedSessions() {
        return specializer.sessions();
    }

    /** True once {@link #close()} has been called. */
    public boolean isClosed() {
        return closed.get();
    }

    /** Releases the sessions and buffers; only the first call does anything. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        specializer.close();
        releaseIdle();
        feeds.close();
        ModelLoader.closeQuietly(session);
    }
}
