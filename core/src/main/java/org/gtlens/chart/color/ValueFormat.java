package org.gtlens.chart.color;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How numbers are written in cells and legends: a fixed number of decimals, never "-0.00", and a default number of
 * decimals chosen from the range so that probabilities get three and large activations do not flood the cells.
 */
public final class ValueFormat {

    private ValueFormat() {
    }

    /**
     * Decimals for values spanning [lo, hi]: 3 inside [-1, 1] (probabilities, attention), 2 below 10, 1 below 100,
     * none beyond.
     */
    public static int autoDecimals(double lo, double hi) {
        double m = Math.max(Math.abs(lo), Math.abs(hi));
        if (!(m <= 1.0)) {
            return m < 10 ? 2 : m < 100 ? 1 : 0;
        }
        return 3;
    }

    /** {@code value} rounded half-up to {@code decimals} places, as {@code String.format("%.Nf")} writes it. */
    public static String format(double value, int decimals) {
        if (Double.isNaN(value)) {
            return ""; // a cell without a value: drawn grey, with no number that could pass for data
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "∞" : "-∞";
        }
        String s = BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).toPlainString();
        if (s.charAt(0) == '-' && isZero(s)) {
            s = s.substring(1);
        }
        return s;
    }

    private static boolean isZero(String s) {
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '0' && c != '.') {
                return false;
            }
        }
        return true;
    }

    /** Ten to the power {@code exponent} as a legend writes it: "0.001" down to a thousandth, then "1e-6". */
    public static String power(double exponent) {
        int e = (int) Math.round(exponent);
        if (e >= -3 && e <= 3) {
            return java.math.BigDecimal.ONE.scaleByPowerOfTen(e).toPlainString();
        }
        return "1e" + e;
    }
}
