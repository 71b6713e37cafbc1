/**
 * Running a model file with ONNX Runtime: loading, shape specialisation, reusable buffers and the native
 * library's messages in one sentence.
 */
package org.gtlens.runtime;
