/**
 * Running a model file with ONNX Runtime: reading the file as stored, loading and checking it, running it with
 * shape specialisation and reusable buffers, and the native library's messages in one sentence.
 */
package org.gtlens.runtime;
