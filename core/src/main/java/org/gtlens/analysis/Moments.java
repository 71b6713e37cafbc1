package org.gtlens.analysis;

/**
 * Count, mean and sample standard deviation of many cells at once, updated one value at a time by Welford's method in
 * double, so means over millions of sequences stay exact to float precision and need no second pass.
 */
public final class Moments {

    private final int[] count;
    private final double[] mean;
    private final double[] m2;

    public Moments(int cells) {
        count = new int[cells];
        mean = new double[cells];
        m2 = new double[cells];
    }

    public void add(int cell, double value) {
        int n = ++count[cell];
        double delta = value - mean[cell];
        mean[cell] += delta / n;
        m2[cell] += delta * (value - mean[cell]);
    }

    public int count(int cell) {
        return count[cell];
    }

    public double mean(int cell) {
        return mean[cell];
    }

    /** Sample standard deviation, or null when fewer than two values were added. */
    public Double std(int cell) {
        return count[cell] < 2 ? null : Math.sqrt(m2[cell] / (count[cell] - 1));
    }

    /** Bytes these moments take. */
    public static long bytes(long cells) {
        return cells * (Integer.BYTES + 2 * Double.BYTES);
    }

    /** Bytes one Moments object takes besides its cells: its header and fields, and its three arrays' headers. */
    public static final long OBJECT_BYTES = 16 + 3 * 8 + 3 * 16;
}
