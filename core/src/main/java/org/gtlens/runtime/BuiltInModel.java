package org.gtlens.runtime;

import java.io.IOException;
import java.io.InputStream;

import org.gtlens.Keyed;
import org.gtlens.model.ModelException;

/**
 * The models that ship inside GT Lens, usable without a file: the toy of the original notebook (the default) and a
 * model whose mechanism is known (induction heads), so that a user can see the tool find it.
 */
public enum BuiltInModel implements Keyed {
    /** The toy task's model (k=6, 3 heads, 2 blocks, t=5, digits): the default everywhere. */
    TOY("toy", "gtransformer.onnx", "built-in example model"),
    /**
     * A model trained on sequences with a repeated segment (k=64, 4 heads, 2 blocks, t=32, 48 tokens a-z A-V): head
     * 2 of block 0 is a previous-token head, head 1 of block 1 an induction head.
     */
    INDUCTION("induction", "induction/induction.onnx", "built-in induction model");

    private final String key;
    private final String path;
    private final String displayName;

    BuiltInModel(String key, String path, String displayName) {
        this.key = key;
        this.path = path;
        this.displayName = displayName;
    }

    @Override
    public String key() {
        return key;
    }

    /** The name messages and port summaries give it. */
    public String displayName() {
        return displayName;
    }

    /** Its file in the repository's models/ folder (where benchmarks find its PyTorch weights). */
    public String repositoryPath() {
        return path;
    }

    /** The model file's bytes, from inside this library. */
    public byte[] bytes() throws ModelException {
        try (InputStream in = BuiltInModel.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new ModelException("The " + displayName + " is missing from this build (" + path + ").");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new ModelException("The " + displayName + " cannot be read: " + e.getMessage() + ".", e);
        }
    }

    /** Opens it with {@code intraOpThreads} threads. */
    public GTransformer load(int intraOpThreads) throws ModelException {
        return GTransformer.load(bytes(), displayName, intraOpThreads);
    }
}
