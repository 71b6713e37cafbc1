package org.gtlens.runtime;

import java.util.Arrays;

/**
 * A dense float32 tensor in C order, as ONNX Runtime returns it. Arrays are shared, not copied: a tensor is
 * handed from the runtime to one reader and never changed.
 *
 * @param data  the values, row-major
 * @param shape the dimensions, batch first
 */
public record FloatTensor(float[] data, int[] shape) {

    public FloatTensor {
        long n = 1;
        for (int d : shape) {
            n *= d;
        }
        if (n != data.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " needs " + n + " values, got "
                    + data.length);
        }
    }

    public int dim(int i) {
        return shape[i];
    }

    public int rank() {
        return shape.length;
    }

    /** Number of values in one item of the batch (the product of all dimensions but the first). */
    public int itemSize() {
        return shape[0] == 0 ? 0 : data.length / shape[0];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FloatTensor other && Arrays.equals(shape, other.shape)
                && Arrays.equals(data, other.data);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(shape) * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "FloatTensor" + Arrays.toString(shape);
    }
}
