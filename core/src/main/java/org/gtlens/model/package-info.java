/**
 * The model contract: which inputs and outputs a GTransformer ONNX file has, what each kind of representation
 * is and which axes it has, checked once when a model is loaded.
 */
package org.gtlens.model;
