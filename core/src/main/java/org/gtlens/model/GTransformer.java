package org.gtlens.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.gtlens.GtLensException;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import ai.onnxruntime.ValueInfo;

/**
 * A contract model opened in ONNX Runtime: the one place that owns native resources. It is checked against the
 * contract when opened, is safe to run from several threads at once (KNIME executes nodes in parallel), and
 * shares the single ONNX Runtime environment of the JVM.
 */
public final class GTransformer implements AutoCloseable {

    /** Name of the default model as users see it. */
    public static final String DEFAULT_MODEL_NAME = "built-in example model";
    private static final String DEFAULT_MODEL_RESOURCE = "gtransformer.onnx";
    /**
     * Most values one output of one run may have: its native buffer is indexed by an int in bytes (and its Java copy
     * by an int in values), so batches are planned to stay below this.
     */
    public static final long MAX_OUTPUT_VALUES = (Integer.MAX_VALUE - 8) / Float.BYTES;

    private final OrtSession session;
    private final ModelInfo info;
    /** Buffers of recent runs, at most one per thread that ran at the same time. */
    private final ConcurrentLinkedQueue<RunBuffers> idle = new ConcurrentLinkedQueue<>();

    private final ShapeSpecializer specializer;

    private GTransformer(OrtSession session, ModelInfo info, ShapeSpecializer specializer) {
        this.session = session;
        this.info = info;
        this.specializer = specializer;
    }

    /** Opens a model file with one intra-op thread. */
    public static GTransformer load(Path file) throws ModelException {
        return load(file, 1);
    }

    /**
     * Opens a model file. Weights stored as external data must sit in the model's folder or below it.
     *
     * @param intraOpThreads threads ONNX Runtime may use inside one run (1 is fastest for small batches)
     */
    public static GTransformer load(Path file, int intraOpThreads) throws ModelException {
        String name = ModelFile.name(file);
        byte[] bytes = ModelFile.read(file);
        OnnxFileScanner.Scan scan = scanOrFail(bytes, name);
        if (scan.externalLocations().isEmpty()) {
            return open(bytes, null, name, intraOpThreads);
        }
        Path folder = file.toAbsolutePath().normalize().getParent();
        for (String location : scan.externalLocations()) {
            Path target = folder.resolve(location).normalize();
            if (!target.startsWith(folder)) {
                throw new ModelException("Model " + name + " refers to external data '" + location
                        + "' outside its own folder " + folder + "; move the data next to the model.");
            }
            if (!Files.isRegularFile(target)) {
                throw new ModelException("Model " + name + " refers to external data '" + location
                        + "' which does not exist in " + folder + ".");
            }
        }
        return open(null, file.toAbsolutePath().toString(), name, intraOpThreads);
    }

    /** Opens a model held in memory (e.g. carried by a KNIME port); external data is not possible then. */
    public static GTransformer load(byte[] bytes, String name, int intraOpThreads) throws ModelException {
        OnnxFileScanner.Scan scan = scanOrFail(bytes, name);
        if (!scan.externalLocations().isEmpty()) {
            throw new ModelException("Model " + name + " keeps its weights in external data file '"
                    + scan.externalLocations().get(0) + "', which cannot be loaded from memory; open it as a file.");
        }
        return open(bytes, null, name, intraOpThreads);
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
        scanOrFail(bytes, name);
        return ContractChecker.check(OnnxFileScanner.signature(bytes), name, bytes.length);
    }

    /** Opens the built-in example model shipped inside this library. */
    public static GTransformer loadDefault(int intraOpThreads) throws ModelException {
        return load(defaultModelBytes(), DEFAULT_MODEL_NAME, intraOpThreads);
    }

    /** The bytes of the built-in example model. */
    public static byte[] defaultModelBytes() throws ModelException {
        try (InputStream in = GTransformer.class.getResourceAsStream(DEFAULT_MODEL_RESOURCE)) {
            if (in == null) {
                throw new ModelException("The built-in example model is missing from this build ("
                        + DEFAULT_MODEL_RESOURCE + ").");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new ModelException("The built-in example model cannot be read: " + e.getMessage() + ".", e);
        }
    }

    private static OnnxFileScanner.Scan scanOrFail(byte[] bytes, String name) throws ModelException {
        if (bytes.length == 0) {
            throw new ModelException("Model file " + name + " is empty.");
        }
        try {
            OnnxFileScanner.Scan scan = OnnxFileScanner.scan(bytes);
            if (!scan.hasGraph()) {
                throw new ModelException("Model file " + name + " is not an ONNX model (no graph found).");
            }
            return scan;
        } catch (IllegalArgumentException e) {
            throw new ModelException("Model file " + name + " is not an ONNX model (" + e.getMessage() + ").");
        }
    }

    private static GTransformer open(byte[] bytes, String path, String name, int intraOpThreads)
            throws ModelException {
        if (intraOpThreads < 1) {
            throw new IllegalArgumentException("intraOpThreads must be at least 1, got " + intraOpThreads);
        }
        OrtEnvironment env = NativeRuntime.environment();
        OrtSession session = null;
        ShapeSpecializer.SessionFactory factory = options -> bytes != null ? env.createSession(bytes, options)
                : env.createSession(path, options);
        try (OrtSession.SessionOptions options = sessionOptions(intraOpThreads)) {
            session = factory.create(options);
            ModelSignature signature = new ModelSignature(specs(session.getInputInfo()),
                    specs(session.getOutputInfo()), session.getMetadata().getCustomMetadata());
            long size = bytes != null ? bytes.length : Files.size(Path.of(path));
            ModelInfo info = ContractChecker.check(signature, name, size);
            String[] dims = ((TensorInfo) session.getInputInfo().get(ContractChecker.INPUT_NAME).getInfo())
                    .getDimensionNames();
            TensorSpec input = signature.inputs().get(ContractChecker.INPUT_NAME);
            ShapeSpecializer specializer = new ShapeSpecializer(
                    size <= ShapeSpecializer.MAX_MODEL_BYTES ? factory : null, intraOpThreads,
                    input.dim(0) < 0 ? dims[0] : null, input.dim(1) < 0 ? dims[1] : null);
            return new GTransformer(session, info, specializer);
        } catch (OrtException e) {
            closeQuietly(session);
            throw new ModelException("Model file " + name + " cannot be opened by ONNX Runtime: "
                    + firstLine(e.getMessage()) + ".", e);
        } catch (ModelException | IOException | RuntimeException e) {
            closeQuietly(session);
            if (e instanceof ModelException me) {
                throw me;
            }
            throw new ModelException("Model file " + name + " cannot be opened: " + e.getMessage() + ".", e);
        }
    }

    /** The options of every session: the given intra-op threads, one inter-op thread, all graph optimizations. */
    static OrtSession.SessionOptions sessionOptions(int intraOpThreads) throws OrtException {
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        options.setIntraOpNumThreads(intraOpThreads);
        options.setInterOpNumThreads(1);
        options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
        return options;
    }

    private static Map<String, TensorSpec> specs(Map<String, NodeInfo> infos) {
        Map<String, TensorSpec> specs = new LinkedHashMap<>();
        for (Map.Entry<String, NodeInfo> e : infos.entrySet()) {
            ValueInfo value = e.getValue().getInfo();
            if (value instanceof TensorInfo tensor) {
                specs.put(e.getKey(), new TensorSpec(elementType(tensor), tensor.getShape()));
            } else {
                specs.put(e.getKey(), new TensorSpec("non-tensor", new long[0]));
            }
        }
        return specs;
    }

    private static String elementType(TensorInfo tensor) {
        return switch (tensor.onnxType) {
            case ONNX_TENSOR_ELEMENT_DATA_TYPE_FLOAT -> "float";
            case ONNX_TENSOR_ELEMENT_DATA_TYPE_INT64 -> "int64";
            default -> tensor.onnxType.name().replace("ONNX_TENSOR_ELEMENT_DATA_TYPE_", "").toLowerCase();
        };
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int nl = message.indexOf('\n');
        return (nl < 0 ? message : message.substring(0, nl)).trim();
    }

    private static void closeQuietly(OrtSession session) {
        if (session != null) {
            try {
                session.close();
            } catch (OrtException ignored) {
                // nothing more to release
            }
        }
    }

    /** The checked description of this model. */
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
     */
    public Map<String, FloatTensor> run(long[] tokens, int batch, int length, List<String> outputs)
            throws ModelException {
        RunBuffers buffers = runInto(tokens, batch, length, outputs);
        Map<String, FloatTensor> result = buffers.copyOut();
        idle.offer(buffers);
        return result;
    }

    /**
     * Runs one rectangular batch and hands the outputs to {@code consumer} in Java arrays that are reused by later
     * runs of the same shape: valid only during the call. Streaming a large input this way allocates nothing per
     * batch, which at large batches is a quarter of the time.
     */
    public void runReusing(long[] tokens, int batch, int length, List<String> outputs, TensorConsumer consumer)
            throws Exception {
        RunBuffers buffers = runInto(tokens, batch, length, outputs);
        try {
            consumer.accept(buffers.copyToReused());
        } finally {
            idle.offer(buffers);
        }
    }

    /** Runs a batch into pooled buffers, which the caller returns to the pool when done with them. */
    private RunBuffers runInto(long[] tokens, int batch, int length, List<String> outputs) throws ModelException {
        if ((long) batch * length != tokens.length) {
            throw new IllegalArgumentException(tokens.length + " tokens do not make a batch of " + batch + " x "
                    + length);
        }
        RunBuffers buffers = null;
        try {
            buffers = takeBuffers(batch, length, outputs);
            OnnxTensor input = buffers.input(tokens);
            OrtSession runner = specializer.sessionFor(batch, length, session);
            try (OrtSession.Result ignored = runner.run(Map.of(ContractChecker.INPUT_NAME, input), Set.of(),
                    buffers.pinned())) {
                RunBuffers done = buffers;
                buffers = null;
                return done;
            }
        } catch (OrtException e) {
            throw new ModelException("Model " + info.source() + " failed to run on a batch of " + batch
                    + " sequences of length " + length + ": " + firstLine(e.getMessage()) + ".", e);
        } finally {
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
        return new RunBuffers(OrtEnvironment.getEnvironment(), info, batch, length, outputs);
    }

    /** Number of extra sessions made for batch shapes that keep coming back (see {@link ShapeSpecializer}). */
    public int specializedSessions() {
        return specializer.sessions();
    }

    @Override
    public void close() {
        specializer.close();
        for (RunBuffers buffers = idle.poll(); buffers != null; buffers = idle.poll()) {
            buffers.close();
        }
        closeQuietly(session);
    }
}
