package org.gtlens.runtime;

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
import org.gtlens.model.ContractChecker;
import org.gtlens.model.ModelException;
import org.gtlens.model.ModelInfo;
import org.gtlens.model.ModelSignature;
import org.gtlens.model.TensorSpec;

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
    private final Feeds feeds;

    private GTransformer(OrtSession session, ModelInfo info, ShapeSpecializer specializer, OrtEnvironment env)
            throws OrtException {
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
        String name = ModelFile.name(file);
        long size = ModelFile.check(file);
        Path real;
        OnnxFileScanner.Scan scan;
        try {
            real = file.toRealPath();
            try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(real)) {
                scan = scanOrFail(channel.map(java.nio.channels.FileChannel.MapMode.READ_ONLY, 0, size), name);
            }
        } catch (IOException e) {
            throw new ModelException("Model file " + file + " cannot be read: " + ModelFile.reason(e) + ".");
        }
        Path folder = real.getParent();
        for (OnnxFileScanner.External ext : scan.external()) {
            checkExternal(ext, folder, name);
        }
        precheck(scan, name, size);
        return open(null, real.toString(), name, size, intraOpThreads);
    }

    /** An external data file: inside the model's real folder (links resolved), and long enough for its weight. */
    private static void checkExternal(OnnxFileScanner.External ext, Path folder, String name) throws ModelException {
        String location = ext.location();
        Path target;
        try {
            target = folder.resolve(location).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            throw new ModelException("Model " + name + " refers to external data '" + location + "', which is not a "
                    + "file name.");
        }
        if (!target.startsWith(folder)) {
            throw new ModelException("Model " + name + " refers to external data '" + location
                    + "' outside its own folder " + folder + "; move the data next to the model.");
        }
        if (!Files.isRegularFile(target)) {
            throw new ModelException("Model " + name + " refers to external data '" + location
                    + "' which does not exist in " + folder + ".");
        }
        long length;
        try {
            Path realTarget = target.toRealPath();
            if (!realTarget.startsWith(folder)) {
                throw new ModelException("Model " + name + " refers to external data '" + location + "', a link to "
                        + realTarget + " outside the model's folder " + folder + "; move the data next to the model.");
            }
            length = Files.size(realTarget);
        } catch (IOException e) {
            throw new ModelException("Model " + name + " refers to external data '" + location + "', which cannot be "
                    + "read: " + ModelFile.reason(e) + ".");
        }
        if (ext.offset() < 0 || ext.offset() > length || ext.length() > length - ext.offset()) {
            throw new ModelException("Model " + name + " needs bytes " + ext.offset() + " to "
                    + (ext.offset() + Math.max(0, ext.length())) + " of its external data file '" + location
                    + "' for weight '" + ext.tensor() + "', but the file has " + length + " bytes; it is cut short or "
                    + "belongs to another model.");
        }
    }

    /**
     * What the file itself says, checked before ONNX Runtime sees it: metadata keys given once, and the contract
     * against the declared inputs and outputs as stored (so sizes that contradict the metadata are caught even when
     * ONNX Runtime's shape inference would replace them).
     */
    private static void precheck(OnnxFileScanner.Scan scan, String name, long size) throws ModelException {
        if (scan.duplicateKey() != null) {
            throw new ModelException("Model " + name + " has metadata " + scan.duplicateKey() + " more than once; "
                    + "each key may appear once.");
        }
        ContractChecker.checkDeclared(scan.declared(), name, size);
    }

    /** Opens a model held in memory (e.g. carried by a KNIME port); external data is not possible then. */
    public static GTransformer load(byte[] bytes, String name, int intraOpThreads) throws ModelException {
        if (bytes.length == 0) {
            throw new ModelException("Model file " + name + " is empty.");
        }
        OnnxFileScanner.Scan scan = scanOrFail(java.nio.ByteBuffer.wrap(bytes), name);
        if (!scan.external().isEmpty()) {
            throw new ModelException("Model " + name + " keeps its weights in external data file '"
                    + scan.external().get(0).location() + "', which cannot be loaded from memory; open it as a file.");
        }
        precheck(scan, name, bytes.length);
        return open(bytes, null, name, bytes.length, intraOpThreads);
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
        if (bytes.length == 0) {
            throw new ModelException("Model file " + name + " is empty.");
        }
        OnnxFileScanner.Scan scan = scanOrFail(java.nio.ByteBuffer.wrap(bytes), name);
        precheck(scan, name, bytes.length);
        return ContractChecker.check(scan.signature(), name, bytes.length);
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

    private static OnnxFileScanner.Scan scanOrFail(java.nio.ByteBuffer bytes, String name) throws ModelException {
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

    /**
     * The one ONNX Runtime environment of the JVM, logging only fatal errors: its warnings and errors would reach
     * stderr as coloured lines besides the one sentence a failure ends with.
     */
    static OrtEnvironment environment() {
        return OrtEnvironment.getEnvironment(ai.onnxruntime.OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL);
    }

    private static GTransformer open(byte[] bytes, String path, String name, long size, int intraOpThreads)
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
            ModelInfo info = ContractChecker.check(signature, name, size);
            String[] dims = ((TensorInfo) session.getInputInfo().get(ContractChecker.INPUT_NAME).getInfo())
                    .getDimensionNames();
            TensorSpec input = signature.inputs().get(ContractChecker.INPUT_NAME);
            ShapeSpecializer specializer = new ShapeSpecializer(
                    size <= ShapeSpecializer.MAX_MODEL_BYTES ? factory : null, intraOpThreads,
                    input.dim(0) < 0 ? dims[0] : null, input.dim(1) < 0 ? dims[1] : null);
            return new GTransformer(session, info, specializer, env);
        } catch (OrtException e) {
            closeQuietly(session);
            throw new ModelException("Model file " + name + " cannot be opened by ONNX Runtime: "
                    + OrtMessages.reason(e.getMessage()) + ".", e);
        } catch (OutOfMemoryError e) {
            closeQuietly(session);
            throw new ModelException("Model file " + name + " cannot be opened: Java ran out of memory; give Java "
                    + "more memory (e.g. GTLENS_JAVA_OPTS=-Xmx8g).", e);
        } catch (ModelException | RuntimeException e) {
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
        options.setSessionLogLevel(ai.onnxruntime.OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL);
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
        return run(tokens, batch, length, outputs, Intervention.NONE);
    }

    /**
     * Runs one rectangular batch with an intervention (a version-2 model) and copies the requested outputs into
     * fresh Java arrays, as {@link #run(long[], int, int, List)}.
     */
    public Map<String, FloatTensor> run(long[] tokens, int batch, int length, List<String> outputs,
            Intervention intervention) throws ModelException {
        RunBuffers buffers = runInto(tokens, batch, length, outputs, intervention);
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
        RunBuffers buffers = runInto(tokens, batch, length, outputs, Intervention.NONE);
        try {
            consumer.accept(buffers.copyToReused());
        } finally {
            idle.offer(buffers);
        }
    }

    /** Runs a batch into pooled buffers, which the caller returns to the pool when done with them. */
    private RunBuffers runInto(long[] tokens, int batch, int length, List<String> outputs,
            Intervention intervention) throws ModelException {
        if ((long) batch * length != tokens.length) {
            throw new IllegalArgumentException(tokens.length + " tokens do not make a batch of " + batch + " x "
                    + length);
        }
        RunBuffers buffers = null;
        List<OnnxTensor> owned = new java.util.ArrayList<>();
        try {
            buffers = takeBuffers(batch, length, outputs);
            Map<String, OnnxTensor> inputs = new LinkedHashMap<>();
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
        return new RunBuffers(environment(), info, batch, length, outputs);
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
        feeds.close();
        closeQuietly(session);
    }
}
