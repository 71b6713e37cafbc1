package org.gtlens.runtime;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import org.gtlens.model.Interventions;
import org.gtlens.model.ModelInfo;

/**
 * The inputs of a run besides the tokens. A version-2 model requires its four intervention inputs in every run; the
 * neutral ones are made once per model and fed to every plain run, an intervention's own tensors are made per run
 * and closed after it. A version-1 model gets the tokens alone.
 */
final class Feeds implements AutoCloseable {

    private final OrtEnvironment env;
    private final ModelInfo info;
    private final Map<String, OnnxTensor> neutral = new LinkedHashMap<>();

    Feeds(OrtEnvironment env, ModelInfo info) throws OrtException {
        this.env = env;
        this.info = info;
        if (info.takesInterventions()) {
            try {
                for (String name : Interventions.inputNames()) {
                    neutral.put(name, create(Intervention.neutral(name, info, 1, 1)));
                }
            } catch (OrtException | RuntimeException e) {
                close();
                throw e;
            }
        }
    }

    /** The tensors one run is fed besides the tokens; {@code owned} receives those the caller must close after it. */
    Map<String, OnnxTensor> inputs(Intervention intervention, int batch, int length, List<OnnxTensor> owned)
            throws OrtException {
        if (!intervention.inputs().isEmpty() && !info.takesInterventions()) {
            throw new IllegalArgumentException("model " + info.source() + " follows contract version "
                    + info.contract() + " and takes no interventions");
        }
        intervention.check(info, batch, length);
        Map<String, OnnxTensor> feeds = new LinkedHashMap<>(neutral);
        for (Map.Entry<String, FloatTensor> e : intervention.inputs().entrySet()) {
            OnnxTensor tensor = create(e.getValue());
            owned.add(tensor);
            feeds.put(e.getKey(), tensor);
        }
        return feeds;
    }

    private OnnxTensor create(FloatTensor tensor) throws OrtException {
        long[] shape = new long[tensor.rank()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = tensor.dim(i);
        }
        return OnnxTensor.createTensor(env, FloatBuffer.wrap(tensor.data()), shape);
    }

    static void closeAll(List<OnnxTensor> tensors) {
        for (OnnxTensor t : tensors) {
            t.close();
        }
        tensors.clear();
    }

    @Override
    public void close() {
        closeAll(new ArrayList<>(neutral.values()));
        neutral.clear();
    }
}
