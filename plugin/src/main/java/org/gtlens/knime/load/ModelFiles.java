package org.gtlens.knime.load;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashMap;
import java.util.Map;

import org.gtlens.runtime.BuiltInModel;
import org.gtlens.runtime.GTransformer;
import org.gtlens.model.ModelException;
import org.gtlens.runtime.ModelFile;
import org.gtlens.model.ModelInfo;
import org.gtlens.runtime.NativeRuntime;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.util.FileUtil;

/**
 * Finds, reads and checks the model file named in the Load GTransformer settings. Configure reads a model's facts
 * from its bytes (no ONNX Runtime session) and caches them by path, size and modification time, so it stays fast
 * when a workflow is opened or edited; execute opens the model in ONNX Runtime once.
 */
final class ModelFiles {

    /** A model read from disk (or the built-in one): its bytes and its facts. */
    record Loaded(byte[] bytes, ModelInfo info) {
    }

    private static final int CACHE_SIZE = 16;

    private static final Map<String, ModelInfo> CACHE = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(final Map.Entry<String, ModelInfo> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    private ModelFiles() {
    }

    /**
     * Starts ONNX Runtime's native library (once per JVM; no model, no session), so configure names a machine that
     * cannot run it in one sentence instead of failing later with a linkage error.
     *
     * @throws InvalidSettingsException naming the cause and the README's platform notes
     */
    static void checkRuntime() throws InvalidSettingsException {
        try {
            NativeRuntime.environment();
        } catch (ModelException e) {
            throw new InvalidSettingsException(e.getMessage());
        }
    }

    /** @return whether the setting means a built-in model (the file field is empty) */
    static boolean isBuiltIn(final String location) {
        return location == null || location.isBlank();
    }

    /**
     * @param location a local path, a file: URL or a URL KNIME resolves to a local file (knime://...)
     * @return the local path
     * @throws InvalidSettingsException if it names no local file
     */
    static Path resolve(final String location) throws InvalidSettingsException {
        String loc = location.trim();
        try {
            if (loc.matches("^[a-zA-Z][a-zA-Z0-9+.-]+:/.*")) {
                Path local = FileUtil.resolveToPath(FileUtil.toURL(loc));
                if (local == null) {
                    // KNIME resolves file: and local knime:// URLs only; http(s) and remote mounts have no local file
                    throw new InvalidSettingsException("Model file location '" + loc + "' is not a local file; GT "
                        + "Lens reads models from local files and local knime:// URLs only, so download it first.");
                }
                return local;
            }
            return Path.of(loc);
        } catch (IOException | URISyntaxException | RuntimeException e) { // NOSONAR: one sentence for any bad location
            throw new InvalidSettingsException("Model file location '" + loc + "' is not a valid local path or URL: "
                + e.getMessage() + ".");
        }
    }

    /**
     * The facts of the model the setting names, from the cache when the file has not changed (configure time).
     *
     * @param location the setting
     * @param builtIn the built-in model an empty location means
     * @return the model's facts
     * @throws InvalidSettingsException with a one-sentence reason when the file is missing or not a contract model
     */
    static ModelInfo info(final String location, final BuiltInModel builtIn) throws InvalidSettingsException {
        String key;
        Path file = null;
        if (isBuiltIn(location)) {
            key = "<built-in " + builtIn.key() + ">";
        } else {
            file = resolve(location);
            try {
                ModelFile.check(file);
                BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
                key = file.toAbsolutePath() + "|" + a.size() + "|" + a.lastModifiedTime().toMillis();
            } catch (ModelException e) {
                throw new InvalidSettingsException(e.getMessage(), e);
            } catch (IOException e) {
                throw new InvalidSettingsException("Model file " + file + " cannot be read: " + e.getMessage() + ".");
            }
        }
        synchronized (CACHE) {
            ModelInfo cached = CACHE.get(key);
            if (cached != null) {
                return cached;
            }
        }
        ModelInfo info = inspect(file, builtIn);
        synchronized (CACHE) {
            CACHE.put(key, info);
        }
        return info;
    }

    /** The facts from the file's own bytes: no ONNX Runtime session in configure. */
    private static ModelInfo inspect(final Path file, final BuiltInModel builtIn) throws InvalidSettingsException {
        try {
            if (file == null) {
                return GTransformer.inspect(builtIn.bytes(), builtIn.displayName());
            }
            return GTransformer.inspect(ModelFile.read(file), ModelFile.name(file));
        } catch (ModelException e) {
            throw new InvalidSettingsException(e.getMessage(), e);
        }
    }

    /**
     * Reads and checks the model (opens it in ONNX Runtime once, then closes it).
     *
     * @param location the setting
     * @param builtIn the built-in model an empty location means
     * @return its bytes and facts
     * @throws InvalidSettingsException with a one-sentence reason when the file is missing or not a contract model
     */
    static Loaded read(final String location, final BuiltInModel builtIn) throws InvalidSettingsException {
        try {
            byte[] bytes;
            String name;
            if (isBuiltIn(location)) {
                bytes = builtIn.bytes();
                name = builtIn.displayName();
            } else {
                Path file = resolve(location);
                bytes = ModelFile.read(file);
                name = ModelFile.name(file);
            }
            try (GTransformer model = GTransformer.load(bytes, name, 1)) {
                return new Loaded(bytes, model.info());
            }
        } catch (ModelException e) {
            throw new InvalidSettingsException(e.getMessage(), e);
        }
    }
}
