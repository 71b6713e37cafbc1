package org.gtlens.model;

import java.util.Map;

/**
 * Everything the contract speaks of in a loaded ONNX model: its inputs, outputs and metadata properties.
 *
 * @param inputs   declared inputs by name
 * @param outputs  declared outputs by name
 * @param metadata the model's {@code metadata_props}
 */
public record ModelSignature(Map<String, TensorSpec> inputs, Map<String, TensorSpec> outputs,
        Map<String, String> metadata) {

    public ModelSignature {
        inputs = Map.copyOf(inputs);
        outputs = Map.copyOf(outputs);
        metadata = Map.copyOf(metadata);
    }
}
