/**
 * GT Lens core: looks inside GPT-style transformers exported to ONNX, with no KNIME in it.
 * Sub-packages by role: {@code model} (the ONNX contract), {@code runtime} (ONNX Runtime), {@code repr} (extraction),
 * {@code analysis} (summaries), {@code table} (output tables), {@code run} (batches into tables), {@code csv} (files),
 * {@code chart} (figures) and {@code explorer} (the interactive view).
 */
package org.gtlens;
