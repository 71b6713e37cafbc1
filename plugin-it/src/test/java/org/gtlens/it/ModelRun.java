package org.gtlens.it;

import java.lang.reflect.InvocationTargetException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * Runs the built-in default model through ONNX Runtime with the engine classes of one classloader, by reflection
 * only, so that the same code can run inside the bundle (its classloader) and on the test classpath:
 * {@code GTransformer.loadDefault(1)}, then an {@code Extractor} over one sequence with every kind of representation.
 */
record ModelRun(String source, int depth, int[] nextTokens, float[] probabilities,
        float[] finalLogprobs) {

    /** The example sequence of the README ({@code gtlens demo}). */
    static final int[] SEQUENCE = {4, 5, 5, 5, 4};

    static ModelRun with(ClassLoader loader) throws Exception {
        Class<?> gtransformer = Class.forName("org.gtlens.runtime.GTransformer", true, loader);
        Class<?> kind = Class.forName("org.gtlens.model.Kind", true, loader);
        Class<?> extractorClass = Class.forName("org.gtlens.repr.Extractor", true, loader);
        Class<?> sequenceClass = Class.forName("org.gtlens.repr.Sequence", true, loader);
        Object model = invoke(() -> gtransformer.getMethod("loadDefault", int.class).invoke(null, 1));
        try {
            Object info = gtransformer.getMethod("info").invoke(model);
            String source = String.valueOf(info.getClass().getMethod("source").invoke(info));
            int depth = (Integer) info.getClass().getMethod("depth").invoke(info);
            List<?> kinds = Arrays.asList(kind.getEnumConstants());
            Object extractor = extractorClass.getConstructor(gtransformer, Collection.class, int.class)
                    .newInstance(model, kinds, 8);
            Object sequence = sequenceClass.getConstructor(String.class, int[].class).newInstance("it",
                    SEQUENCE.clone());
            Object batch = invoke(() -> extractorClass.getMethod("extract", sequenceClass).invoke(extractor, sequence));
            Object prediction = batch.getClass().getMethod("prediction", int.class).invoke(batch, 0);
            int[] next = (int[]) prediction.getClass().getMethod("nextTokens").invoke(prediction);
            float[] probabilities = (float[]) prediction.getClass().getMethod("probabilities").invoke(prediction);
            Object logprobs = batch.getClass().getMethod("finalLogprobs", int.class).invoke(batch, 0);
            float[] values = (float[]) logprobs.getClass().getMethod("toArray").invoke(logprobs);
            return new ModelRun(source, depth, next, probabilities, values);
        } finally {
            ((AutoCloseable) model).close();
        }
    }

    @FunctionalInterface
    private interface Call {
        Object call() throws Exception;
    }

    /** Unwraps reflection's InvocationTargetException so a failure shows the engine's own exception. */
    private static Object invoke(Call call) throws Exception {
        try {
            return call.call();
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception ex) {
                throw ex;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }
}
