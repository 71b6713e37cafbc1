package org.gtlens.model;

import org.gtlens.GtLensException;

/** A model file that cannot be used: missing, not ONNX, or not following the representation contract. */
public final class ModelException extends GtLensException {
    private static final long serialVersionUID = 1L;

    public ModelException(String message) {
        super(message);
    }

    public ModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
