package org.gtlens.runtime;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.gtlens.model.Interventions;
import org.gtlens.model.ModelInfo;

/**
 * What one run of a version-2 model changes: values for some of the four intervention inputs, by input name. An
 * input not given is fed neutral, so {@link #NONE} is a plain run. Each given tensor has the contract's shape with
 * batch 1 or the run's batch and length 1 or the run's length (see {@link Interventions}).
 *
 * @param inputs tensors by intervention input name
 */
public record Intervention(Map<String, FloatTensor> inputs) {

    /** The plain run: every input neutral. */
    public static final Intervention NONE = new Intervention(Map.of());

    public Intervention {
        for (String name : inputs.keySet()) {
            if (!Interventions.inputNames().contains(name)) {
                throw new IllegalArgumentException("not an intervention input: " + name);
            }
        }
        inputs = Map.copyOf(inputs);
    }

    /** This intervention with one more input given. */
    public Intervention with(String input, FloatTensor value) {
        Map<String, FloatTensor> more = new LinkedHashMap<>(inputs);
        more.put(input, value);
        return new Intervention(more);
    }

    /**
     * A tensor of an input filled with its neutral value, with the given batch and length (1 to broadcast); callers
     * then set the cells they change.
     */
    public static FloatTensor neutral(String input, ModelInfo info, int batch, int length) {
        long[] fixed = Interventions.fixedDims(input, info);
        int[] shape = new int[fixed.length];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = Math.toIntExact(fixed[i] >= 0 ? fixed[i] : i == 0 ? batch : length);
        }
        long n = 1;
        for (int d : shape) {
            n = Math.multiplyExact(n, d);
        }
        float[] data = new float[Math.toIntExact(n)];
        Arrays.fill(data, Interventions.neutralValue(input));
        return new FloatTensor(data, shape);
    }

    /** Checks every given tensor's shape against the model and the run's batch and length. */
    void check(ModelInfo info, int batch, int length) {
        for (Map.Entry<String, FloatTensor> e : inputs.entrySet()) {
            long[] fixed = Interventions.fixedDims(e.getKey(), info);
            int[] shape = e.getValue().shape();
            boolean ok = shape.length == fixed.length;
            for (int i = 0; ok && i < shape.length; i++) {
                long want = fixed[i] >= 0 ? fixed[i] : i == 0 ? batch : length;
                ok = shape[i] == want || (fixed[i] < 0 && shape[i] == 1);
            }
            if (!ok) {
                throw new IllegalArgumentException("intervention input " + e.getKey() + " has shape "
                        + Arrays.toString(shape) + ", not one that fits a batch of " + batch + " x " + length);
            }
        }
    }
}
