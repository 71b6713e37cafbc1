package org.gtlens.runtime;

import java.util.LinkedHashMap;
import java.util.Map;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import ai.onnxruntime.ValueInfo;
import org.gtlens.model.ModelSignature;
import org.gtlens.model.TensorSpec;

/**
 * An opened session's inputs, outputs and metadata in the contract's own terms, so the contract is checked against
 * what ONNX Runtime will actually run (after its shape inference) with the same words as a file scanned without it.
 */
final class SessionSignature {

    private SessionSignature() {
    }

    /** The signature ONNX Runtime reports for the session. */
    static ModelSignature of(OrtSession session) throws OrtException {
        return new ModelSignature(specs(session.getInputInfo()), specs(session.getOutputInfo()),
                session.getMetadata().getCustomMetadata());
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
}
