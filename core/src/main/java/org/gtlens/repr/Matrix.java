package org.gtlens.repr;

/**
 * One 2-D slice of a batch tensor (an attention map, a head's keys, a block's output), viewed in place so that
 * walking a whole batch copies nothing.
 *
 * @param rows   number of rows
 * @param cols   number of columns
 * @param data   the backing array of the whole batch tensor
 * @param offset index of element (0, 0) in {@code data}
 */
public record Matrix(int rows, int cols, float[] data, int offset) {

    public Matrix {
        if (rows < 0 || cols < 0 || offset < 0 || offset + (long) rows * cols > data.length) {
            throw new IllegalArgumentException("a " + rows + "x" + cols + " matrix at " + offset
                    + " does not fit in " + data.length + " values");
        }
    }

    /** A standalone matrix over its own row-major values. */
    public static Matrix of(int rows, int cols, float[] values) {
        return new Matrix(rows, cols, values, 0);
    }

    public float get(int row, int col) {
        return data[offset + row * cols + col];
    }

    /** A copy of the values, row-major. */
    public float[] toArray() {
        float[] copy = new float[rows * cols];
        System.arraycopy(data, offset, copy, 0, copy.length);
        return copy;
    }

    /** Smallest value, or +infinity for an empty matrix. */
    public float min() {
        float m = Float.POSITIVE_INFINITY;
        for (int i = 0, n = rows * cols; i < n; i++) {
            m = Math.min(m, data[offset + i]);
        }
        return m;
    }

    /** Largest value, or -infinity for an empty matrix. */
    public float max() {
        float m = Float.NEGATIVE_INFINITY;
        for (int i = 0, n = rows * cols; i < n; i++) {
            m = Math.max(m, data[offset + i]);
        }
        return m;
    }

    /** The column of a row's largest value, the smallest column among equals (a prediction's token). */
    public int argmax(int row) {
        int base = offset + row * cols;
        int best = 0;
        for (int c = 1; c < cols; c++) {
            if (data[base + c] > data[base + best]) {
                best = c;
            }
        }
        return best;
    }
}
