package org.gtlens.chart.color;

import java.util.ArrayList;
import java.util.List;

/** Round tick values (steps of 1, 2 or 5 times a power of ten) for colour legends, always including 0 in range. */
public final class NiceTicks {

    private NiceTicks() {
    }

    /** About {@code target} round values inside [lo, hi]. */
    public static List<Double> ticks(double lo, double hi, int target) {
        List<Double> ticks = new ArrayList<>();
        if (!(hi > lo)) {
            ticks.add(lo);
            return ticks;
        }
        double step = step(lo, hi, target);
        double first = Math.ceil(lo / step - 1e-9) * step;
        for (double v = first; v <= hi + step * 1e-9; v += step) {
            ticks.add(Math.abs(v) < step * 1e-9 ? 0.0 : v);
        }
        return ticks;
    }

    /** The round step used by {@link #ticks}. */
    public static double step(double lo, double hi, int target) {
        double raw = (hi - lo) / Math.max(1, target);
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / mag;
        double nice = f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10;
        return nice * mag;
    }

    /** Decimals needed to write ticks of this step exactly. */
    public static int decimals(double step) {
        int d = 0;
        while (d < 6 && Math.abs(Math.round(step * Math.pow(10, d)) - step * Math.pow(10, d)) > 1e-6) {
            d++;
        }
        return d;
    }
}
