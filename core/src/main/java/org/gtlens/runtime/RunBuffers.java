package org.gtlens.runtime;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import org.gtlens.model.Interventions;
import org.gtlens.model.Kind;
import org.gtlens.model.ModelInfo;

/**
 * Native input and output buffers for one batch shape, handed to ONNX Runtime as pinned outputs so a run allocates
 * nothing and creates no tensor objects; reused for every batch of the same shape. One instance serves one run at a
 * time. Output shapes come from the contract, so they are known before the run.
 */
final class RunBuffers implements AutoCloseable {

    final int batch;
    final int length;
    final List<String> outputs;
    private final LongBuffer input;
    private final OnnxTensor inputTensor;
    private final Map<String, OnnxValue> pinned = new LinkedHashMap<>();
    private final Map<String, FloatBuffer> buffers = new LinkedHashMap<>();
    private final Map<String, int[]> shapes = new LinkedHashMap<>();
    private Map<String, FloatTensor> reused;

    RunBuffers(OrtEnvironment env, ModelInfo info, int batch, int length, List<String> outputs) throws OrtException {
        this.batch = batch;
        this.length = length;
        this.outputs = List.copyOf(outputs);
        this.input = ByteBuffer.allocateDirect(Math.multiplyExact(Math.multiplyExact(batch, length), Long.BYTES)).order(ByteOrder.nativeOrder())
                .asLongBuffer();
        try {
            this.inputTensor = OnnxTensor.createTensor(env, input, new long[] {batch, length});
            for (String name : outputs) {
                long[] dims = shapeOf(info, name, batch, length);
                int[] shape = new int[dims.length];
                long n = 1;
                for (int i = 0; i < dims.length; i++) {
                    shape[i] = Math.toIntExact(dims[i]);
                    n = Math.multiplyExact(n, dims[i]);
                }
                if (n > MAX_VALUES) {
                    throw new IllegalArgumentException("output " + name + " of a batch of " + batch + " x " + length
                            + " has " + n + " values, more than one buffer holds (" + MAX_VALUES + ")");
                }
                FloatBuffer buffer = ByteBuffer.allocateDirect((int) n * Float.BYTES).order(ByteOrder.nativeOrder())
                        .asFloatBuffer();
                buffers.put(name, buffer);
                shapes.put(name, shape);
                pinned.put(name, OnnxTensor.createTensor(env, buffer, dims));
            }
        } catch (OrtException | RuntimeException e) {
            close();
            throw e;
        }
    }

    private static final long MAX_VALUES = GTransformer.MAX_OUTPUT_VALUES;

    /** The contract shape of an output (a block's tensor or the final log-probabilities) for a batch. */
    static long[] shapeOf(ModelInfo info, String name, int batch, int length) {
        if (name.equals(Kind.FINAL_LOGPROBS)) {
            return Kind.LOGPROBS.shape(info, batch, length);
        }
        if (name.equals(Interventions.EMBEDDING)) {
            return Kind.OUT.shape(info, batch, length);
        }
        if (name.endsWith(".z")) {
            return Kind.VALUES.shape(info, batch, length);
        }
        Kind kind = Kind.fromContractName(name.substring(name.indexOf('.') + 1));
        if (kind == null) {
            throw new IllegalArgumentException("not a contract output: " + name);
        }
        return kind.shape(info, batch, length);
    }

    boolean fits(int batch, int length, List<String> outputs) {
        return this.batch == batch && this.length == length && this.outputs.equals(outputs);
    }

    OnnxTensor input(long[] tokens) {
        input.clear();
        input.put(tokens);
        input.clear();
        return inputTensor;
    }

    Map<String, OnnxValue> pinned() {
        return pinned;
    }

    /** Copies every output into Java arrays owned by these buffers, overwritten by the next run. */
    Map<String, FloatTensor> copyToReused() {
        if (reused == null) {
            reused = new LinkedHashMap<>();
            for (Map.Entry<String, FloatBuffer> e : buffers.entrySet()) {
                reused.put(e.getKey(), new FloatTensor(new float[e.getValue().capacity()], shapes.get(e.getKey())));
            }
        }
        for (Map.Entry<String, FloatTensor> e : reused.entrySet()) {
            buffers.get(e.getKey()).get(0, e.getValue().data());
        }
        return reused;
    }

    /** Copies every output into fresh Java arrays the caller may keep. */
    Map<String, FloatTensor> copyOut() {
        Map<String, FloatTensor> result = new LinkedHashMap<>();
        for (Map.Entry<String, FloatBuffer> e : buffers.entrySet()) {
            FloatBuffer buffer = e.getValue();
            float[] data = new float[buffer.capacity()];
            buffer.get(0, data);
            result.put(e.getKey(), new FloatTensor(data, shapes.get(e.getKey())));
        }
        return result;
    }

    @Override
    public void close() {
        if (inputTensor != null) {
            inputTensor.close();
        }
        for (OnnxValue value : pinned.values()) {
            value.close();
        }
    }
}
