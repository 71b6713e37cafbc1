package org.gtlens.model;

import java.util.Arrays;

/**
 * A declared input or output of an ONNX graph: element type and shape, with -1 for a dynamic dimension.
 * Kept separate from ONNX Runtime's types so the contract can be checked (and tested) on its own.
 *
 * @param elementType ONNX element type name in lower case, e.g. {@code float} or {@code int64}
 * @param shape       declared dimensions, -1 where dynamic
 */
public record TensorSpec(String elementType, long[] shape) {

    public TensorSpec {
        shape = shape.clone();
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    public int rank() {
        return shape.length;
    }

    public long dim(int i) {
        return shape[i];
    }

    /** The shape as the contract writes it, e.g. {@code [batch, 3, 5, 5]} with "?" for dynamic dimensions. */
    public String describe() {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < shape.length; i++) {
            b.append(i == 0 ? "" : ", ").append(shape[i] < 0 ? "?" : Long.toString(shape[i]));
        }
        return b.append(']').toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TensorSpec other && elementType.equals(other.elementType)
                && Arrays.equals(shape, other.shape);
    }

    @Override
    public int hashCode() {
        return elementType.hashCode() * 31 + Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
        return elementType + describe();
    }
}
