package org.gtlens.chart.options;

/**
 * How a {@link HeatmapGrid} is drawn. Immutable; start from {@link #defaults()} and change one thing at a time with
 * the {@code with...} methods.
 *
 * @param scale       which kind of colour scale: chosen from the data (AUTO), or forced
 * @param sequential  ramp for non-negative (or forced sequential) data
 * @param diverging   ramp for signed (or forced diverging) data, centred at 0
 * @param range       one colour range for the whole figure (comparable panels, one legend) or one per panel
 * @param flipRows    false: row 0 on top (reading order); true: row 0 at the bottom (mathematical axes)
 * @param valueLabels write each value into its cell: AUTO does so only where the text fits
 * @param decimals    decimals of value labels, or -1 to choose from the range (3 for values within [-1, 1])
 * @param cellSize    side of a cell in logical pixels, or 0 to choose (from the labels, the size, or a size cap)
 * @param width       overall width in logical pixels, or 0 to fit the content
 * @param height      overall height in logical pixels, or 0 to fit the content
 * @param scaleFactor device pixels per logical pixel of raster output (2 for HiDPI); SVG ignores it
 * @param fontSize    base font size in logical pixels; titles, ticks and labels are sized from it
 * @param rangeMin    fixed lower end of the colour range, or NaN to take it from the data
 * @param rangeMax    fixed upper end of the colour range, or NaN to take it from the data
 * @param valueScale  how values map onto the ramp: linear, logarithmic, or each row relative to its own maximum
 */
public record ChartOptions(ScaleMode scale, Palette sequential, Palette diverging, RangeMode range, boolean flipRows,
        LabelMode valueLabels, int decimals, int cellSize, int width, int height, double scaleFactor,
        float fontSize, double rangeMin, double rangeMax, ValueScale valueScale) {

    /** Which colour scale a figure uses. */
    public enum ScaleMode {
        /** Diverging (centred at 0) when the data has both signs, sequential otherwise. */
        AUTO,
        SEQUENTIAL,
        DIVERGING;

        /** The stable spelling of settings and the command line. */
        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        /** The mode of a key (case-insensitive), or null. */
        public static ScaleMode fromKey(String key) {
            return org.gtlens.Keys.find(values(), key, ScaleMode::key);
        }
    }

    /** Whether panels share one colour range. */
    public enum RangeMode {
        /** One range and one legend for the figure: equal colours mean equal values in every panel. */
        SHARED("shared"),
        /** Each panel stretched over its own values, each with its own legend. */
        PER_PANEL("panel");

        private final String key;

        RangeMode(String key) {
            this.key = key;
        }

        /** The stable spelling of settings and the command line. */
        public String key() {
            return key;
        }

        /** The mode of a key (case-insensitive), or null. */
        public static RangeMode fromKey(String key) {
            return org.gtlens.Keys.find(values(), key, RangeMode::key);
        }
    }

    /** Whether values are written into cells. */
    public enum LabelMode {
        /** Only when the text fits the cells at a readable size. */
        AUTO,
        ON,
        OFF;

        /** The stable spelling of settings and the command line. */
        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        /** The mode of a key (case-insensitive), or null. */
        public static LabelMode fromKey(String key) {
            return org.gtlens.Keys.find(values(), key, LabelMode::key);
        }
    }


    /** How values map onto the colour ramp. */
    public enum ValueScale {
        /** Equal steps of value are equal steps of colour. */
        LINEAR("linear"),
        /**
         * Equal ratios are equal steps (for attention and probabilities, whose small values matter); used only for
         * non-negative figures, signed ones stay linear.
         */
        LOG("log"),
        /**
         * Each row divided by its own largest absolute value, so that a long sequence with diffuse attention still
         * shows where each query looks; cells keep their real values in labels and tooltips.
         */
        ROW("row");

        private final String key;

        ValueScale(String key) {
            this.key = key;
        }

        /** The stable spelling of settings and the command line. */
        public String key() {
            return key;
        }

        /** The scale of a key (case-insensitive), or null. */
        public static ValueScale fromKey(String key) {
            return org.gtlens.Keys.find(values(), key, ValueScale::key);
        }
    }

    public ChartOptions {
        if (scale == null || sequential == null || diverging == null || range == null || valueLabels == null
                || valueScale == null) {
            throw new IllegalArgumentException("chart options must not be null");
        }
        if (decimals < -1 || decimals > 10) {
            throw new IllegalArgumentException("decimals must be -1 (auto) or 0..10, got " + decimals);
        }
        if (cellSize < 0 || width < 0 || height < 0) {
            throw new IllegalArgumentException("cell size, width and height must be >= 0 (0 = automatic)");
        }
        if (!(scaleFactor > 0 && scaleFactor <= 8)) {
            throw new IllegalArgumentException("scale factor must be in (0, 8], got " + scaleFactor);
        }
        if (!(fontSize >= 6 && fontSize <= 72)) {
            throw new IllegalArgumentException("font size must be in [6, 72], got " + fontSize);
        }
        if (Double.isNaN(rangeMin) != Double.isNaN(rangeMax) || !Double.isNaN(rangeMin) && !(rangeMax > rangeMin)) {
            throw new IllegalArgumentException("a fixed colour range needs min < max, got [" + rangeMin + ", "
                    + rangeMax + "]");
        }
    }

    /** True when the colour range is fixed rather than taken from the data. */
    public boolean fixedRange() {
        return !Double.isNaN(rangeMin);
    }

    /** AUTO scale (viridis / blue-red), shared range, row 0 on top, AUTO labels and decimals, size fits content. */
    public static ChartOptions defaults() {
        return new ChartOptions(ScaleMode.AUTO, Palette.VIRIDIS, Palette.BLUE_RED, RangeMode.SHARED, false,
                LabelMode.AUTO, -1, 0, 0, 0, 1.0, 12f, Double.NaN, Double.NaN, ValueScale.LINEAR);
    }

    public ChartOptions withScale(ScaleMode v) {
        return new ChartOptions(v, sequential, diverging, range, flipRows, valueLabels, decimals, cellSize, width,
                height, scaleFactor, fontSize, rangeMin, rangeMax, valueScale);
    }

    public ChartOptions withSequential(Palette v) {
        return new ChartOptions(scale, v, diverging, range, flipRows, valueLabels, decimals, cellSize, width, height,
                scaleFactor, fontSize, rangeMin, rangeMax, valueScale);
    }

    public ChartOptions withDiverging(Palette v) {
        return new ChartOptions(scale, sequential, v, range, flipRows, valueLabels, decimals, cellSize, width, height,
                scaleFactor, fontSize, rangeMin, rangeMax, valueScale);
    }

    public ChartOptions withRange(RangeMode v) {
        return new ChartOptions(scale, sequential, diverging, v, flipRows, valueLabels, decimals, cellSize, width,
                height, scaleFactor, fontSize, rangeMin, rangeMax, valueScale);
    }

    public ChartOptions withFlipRows(boolean v) {
        return new ChartOptions(scale, sequential, diverging, range, v, valueLabels, decimals, cellSize, width, height,
                scaleFactor, fontSize, rangeMin, rangeMax, valueScale);
    }

    public ChartOptions withValueLabels(LabelMode v) {
        return new ChartOptions(scale, sequential, diverging, range, flipRows, v, decimals, cellSize, width, height,
                scaleFactor, fontSize, rangeMin, rangeMax, valueScale);
    }

    public ChartOptions withDecimals(int v) {
        return new ChartOptions(scale, sequential, diverging, range, flipRows, valueLabels, v, cellSize, width, height,
                scaleFactor, fontSize, rangeMin, rangeMax, valueScale);
    }

    public ChartOptions withCellSize(int v) {
        return new ChartOptions(scale, sequential, diverging, range, flipRows, valueLabels, decimals, v, width, height,
                scaleFactor, fontSize, rangeMin, rangeMax, valueScale);
    }

    /** Overall size in logical pixels (0 = fit the content in that direction); cells stretch to fill it. */
    public ChartOptions withSize(int w, int h) {
        return new ChartOptions(scale, sequential, diverging, range, flipRows, valueLabels, decimals, cellSize, w, h,
                scaleFactor, fontSize, rangeMin, rangeMax, valueScale);
    }

    public ChartOptions withScaleFactor(double v) {
        return new ChartOptions(scale, sequential, diverging, range, flipRows, valueLabels, decimals, cellSize, width,
                height, v, fontSize, rangeMin, rangeMax, valueScale);
    }

    public ChartOptions withFontSize(float v) {
        return new ChartOptions(scale, sequential, diverging, range, flipRows, valueLabels, decimals, cellSize, width,
                height, scaleFactor, v, rangeMin, rangeMax, valueScale);
    }

    /**
     * A fixed colour range for every panel (e.g. [0, 1] to compare attention across sequences), overriding the
     * data's range; NaN, NaN returns to the data's range.
     */
    public ChartOptions withFixedRange(double min, double max) {
        return new ChartOptions(scale, sequential, diverging, range, flipRows, valueLabels, decimals, cellSize, width,
                height, scaleFactor, fontSize, min, max, valueScale);
    }

    public ChartOptions withValueScale(ValueScale v) {
        return new ChartOptions(scale, sequential, diverging, range, flipRows, valueLabels, decimals, cellSize, width,
                height, scaleFactor, fontSize, rangeMin, rangeMax, v);
    }
}
