/**
 * The model port: a GTransformer ONNX model carried between nodes, with a spec that describes it before execution.
 */
package org.gtlens.knime.port;
