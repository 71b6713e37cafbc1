package org.gtlens.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtLoggingLevel;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import org.gtlens.model.ContractChecker;
import org.gtlens.model.ModelException;
import org.gtlens.model.ModelInfo;
import org.gtlens.model.ModelSignature;
import org.gtlens.model.TensorSpec;

/**
 * Turns a model file, or a model's bytes, into an open {@link GTransformer}: what the file itself declares is checked
 * against the contract before ONNX Runtime reads it, and what the opened session reports is checked again, so every
 * refusal is one sentence and no native resource outlives a failed load.
 */
final class ModelLoader {


    private ModelLoader() {
    }

    /** See {@link GTransformer#load(Path, int)}. */
    static GTransformer load(Path file, int intraOpThreads) throws ModelException {
        String name = ModelFile.name(file);
        long size = ModelFile.check(file);
        Path real;
        OnnxFileScanner.Scan scan;
        try {
            real = file.toRealPath();
            try (FileChannel channel = FileChannel.open(real)) {
                scan = scanOrFail(channel.map(FileChannel.MapMode.READ_ONLY, 0, size), name);
            }
        } catch (IOException e) {
            throw new ModelException("Model file " + file + " cannot be read: " + ModelFile.reason(e) + ".");
        }
        Path folder = real.getParent();
        for (OnnxFileScanner.External ext : scan.external()) {
            ExternalData.check(ext, folder, name);
        }
        precheck(scan, name, size);
        return open(null, real.toString(), name, size, intraOpThreads);
    }

    /** See {@link GTransformer#load(byte[], String, int)}. */
    static GTransformer load(byte[] bytes, String name, int intraOpThreads) throws ModelException {
        OnnxFileScanner.Scan scan = scanBytes(bytes, name);
        refuseExternal(scan, name);
        precheck(scan, name, bytes.length);
        return open(bytes, null, name, bytes.length, intraOpThreads);
    }

    /** See {@link GTransformer#inspect(byte[], String)}. */
    static ModelInfo inspect(byte[] bytes, String name) throws ModelException {
        OnnxFileScanner.Scan scan = scanBytes(bytes, name);
        refuseExternal(scan, name);
        precheck(scan, name, bytes.length);
        return ContractChecker.check(scan.signature(), name, bytes.length);
    }

    /**
     * A model held in memory (a KNIME port carries the model file's bytes) cannot reach weights in other files: said
     * when it is inspected, so a node says it at configure rather than at execute.
     */
    private static void refuseExternal(OnnxFileScanner.Scan scan, String name) throws ModelException {
        if (!scan.external().isEmpty()) {
            throw new ModelException("Model " + name + " keeps its weights in external data file '"
                    + scan.external().get(0).location() + "', which cannot be loaded from memory (a KNIME port "
                    + "carries the model file alone); export the model as one file (models/export.py writes one), "
                    + "or open it as a file with the command line.");
        }
    }

    /** See {@link GTransformer#defaultModelBytes()}. */
    static byte[] defaultModelBytes() throws ModelException {
        return BuiltInModel.TOY.bytes();
    }

    /** The options of every session: the given intra-op threads, one inter-op thread, all graph optimizations. */
    static OrtSession.SessionOptions sessionOptions(int intraOpThreads) throws OrtException {
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        options.setIntraOpNumThreads(intraOpThreads);
        options.setInterOpNumThreads(1);
        options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
        options.setSessionLogLevel(OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL);
        return options;
    }

    private static OnnxFileScanner.Scan scanBytes(byte[] bytes, String name) throws ModelException {
        if (bytes.length == 0) {
            throw new ModelException("Model file " + name + " is empty.");
        }
        return scanOrFail(ByteBuffer.wrap(bytes), name);
    }

    private static OnnxFileScanner.Scan scanOrFail(ByteBuffer bytes, String name) throws ModelException {
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
            ModelSignature signature = SessionSignature.of(session);
            ModelInfo info = ContractChecker.check(signature, name, size);
            String[] dims = ((TensorInfo) session.getInputInfo().get(ContractChecker.INPUT_NAME).getInfo())
                    .getDimensionNames();
            TensorSpec input = signature.inputs().get(ContractChecker.INPUT_NAME);
            ShapeSpecializer specializer = new ShapeSpecializer(
                    size <= ShapeSpecializer.MAX_MODEL_BYTES ? factory : null, intraOpThreads,
                    input.dim(0) < 0 ? dims[0] : null, input.dim(1) < 0 ? dims[1] : null);
            return new GTransformer(env, session, info, specializer);
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

    /** Closes a session, if there is one, when nothing more can be done about a failure to close it. */
    static void closeQuietly(OrtSession session) {
        if (session != null) {
            try {
                session.close();
            } catch (OrtException ignored) {
                // nothing more to release
            }
        }
    }
}
