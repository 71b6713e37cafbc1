package org.gtlens.causal;

import org.gtlens.model.ModelInfo;

/**
 * What one sequence in a run of the model takes in ONNX Runtime's memory: every tensor the graph computes (the
 * attention matrices, the projections and head outputs, the feed-forward layer's hidden activations, each block's
 * residual stream and logit lens), as float32. Interventions batch copies of a sequence; this bounds how many.
 */
final class RunMemory {

    private RunMemory() {
    }

    static long bytesPerSequence(ModelInfo info, int length) {
        long l = length;
        long perBlock = 2L * info.heads() * l * l // attention logits and weights
                + 12L * l * info.k() // queries, keys, values, z, joined heads, two norms, residuals, 4k hidden
                + 2L * l * info.numTokens(); // logit lens and its log-softmax
        return Float.BYTES * (info.depth() * perBlock + 3L * l * info.k() + 2L * l * info.numTokens());
    }
}
