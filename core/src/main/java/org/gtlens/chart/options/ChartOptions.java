package org.gtlens.chart.options;

import org.gtlens.Keyed;

/**
 * How a heatmap grid is drawn. Immutable; start from {@link #defaults()} and change what differs with
 * {@link #toBuilder()}.
 *
 * @param palette     which palette family: chosen from the data (AUTO), or forced
 * @param sequential  ramp for non-negative (or forced sequential) data
 * @param diverging   ramp for signed (or forced diverging) data, centred at 0
 * @param range       one colour range for the whole figure (comparable panels, one legend) or one per panel
 * @param flipRows    false: row 0 on top (reading order); true: row 0 at the bottom (mathematical axes)
 * @param valueLabels write each value into its cell: AUTO does so only where the text fits
 * @param decimals    decimals of value labels, or -1 to choose from the range (3 for values within [-1, 1])
 * @param cellSize    side of a cell in logical pixels, or 0 to choose (from the labels, the size, or a size cap)
 * @param width       overall width in logical pixels, or 0 to fit the content
 * @param height      overall height in logical pixels, or 0 to fit the content
 * @param zoom        device pixels per logical pixel of raster output (2 for HiDPI); SVG ignores it
 * @param fontSize    base font size in logical pixels; titles, ticks and labels are sized from it
 * @param rangeMin    fixed lower end of the colour range, or NaN to take it from the data
 * @param rangeMax    fixed upper end of the colour range, or NaN to take it from the data
 * @param valueScale  how values map onto the ramp: linear, logarithmic, or each row relative to its own maximum
 */
public record ChartOptions(PaletteFamily palette, Palette sequential, Palette diverging, RangeMode range,
        boolean flipRows, LabelMode valueLabels, int decimals, int cellSize, int width, int height, double zoom,
        float fontSize, double rangeMin, double rangeMax, ValueScale valueScale) {

    /** Which family of palette a figure uses. */
    public enum PaletteFamily implements Keyed {
        /** Diverging (centred at 0) when the data has both signs, sequential otherwise. */
        AUTO,
        SEQUENTIAL,
        DIVERGING;

        @Override
        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Whether panels share one colour range. */
    public enum RangeMode implements Keyed {
        /** One range and one legend for the figure: equal colours mean equal values in every panel. */
        SHARED("shared"),
        /** Each panel stretched over its own values, each with its own legend. */
        PER_PANEL("panel");

        private final String key;

        RangeMode(String key) {
            this.key = key;
        }

        @Override
        public String key() {
            return key;
        }
    }

    /** Whether values are written into cells. */
    public enum LabelMode implements Keyed {
        /** Only when the text fits the cells at a readable size. */
        AUTO,
        ON,
        OFF;

        @Override
        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** How values map onto the colour ramp: the one thing called "scale". */
    public enum ValueScale implements Keyed {
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

        @Override
        public String key() {
            return key;
        }
    }

    public ChartOptions {
        if (palette == null || sequential == null || diverging == null || range == null || valueLabels == null
                || valueScale == null) {
            throw new IllegalArgumentException("chart options must not be null");
        }
        if (decimals < -1 || decimals > 10) {
            throw new IllegalArgumentException("decimals must be -1 (auto) or 0..10, got " + decimals);
        }
        if (cellSize < 0 || width < 0 || height < 0) {
            throw new IllegalArgumentException("cell size, width and height must be >= 0 (0 = automatic)");
        }
        if (!(zoom > 0 && zoom <= 8)) {
            throw new IllegalArgumentException("zoom must be in (0, 8], got " + zoom);
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

    /** AUTO palette (viridis / blue-red), shared range, row 0 on top, AUTO labels and decimals, size fits content. */
    public static ChartOptions defaults() {
        return new ChartOptions(PaletteFamily.AUTO, Palette.VIRIDIS, Palette.BLUE_RED, RangeMode.SHARED, false,
                LabelMode.AUTO, -1, 0, 0, 0, 1.0, 12f, Double.NaN, Double.NaN, ValueScale.LINEAR);
    }

    /** A builder holding these options, to change some of them. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Changes some options of a copy; {@link #build()} checks them. */
    public static final class Builder {
        private PaletteFamily palette;
        private Palette sequential;
        private Palette diverging;
        private RangeMode range;
        private boolean flipRows;
        private LabelMode valueLabels;
        private int decimals;
        private int cellSize;
        private int width;
        private int height;
        private double zoom;
        private float fontSize;
        private double rangeMin;
        private double rangeMax;
        private ValueScale valueScale;

        private Builder(ChartOptions o) {
            palette = o.palette;
            sequential = o.sequential;
            diverging = o.diverging;
            range = o.range;
            flipRows = o.flipRows;
            valueLabels = o.valueLabels;
            decimals = o.decimals;
            cellSize = o.cellSize;
            width = o.width;
            height = o.height;
            zoom = o.zoom;
            fontSize = o.fontSize;
            rangeMin = o.rangeMin;
            rangeMax = o.rangeMax;
            valueScale = o.valueScale;
        }

        public Builder palette(PaletteFamily v) {
            palette = v;
            return this;
        }

        public Builder sequential(Palette v) {
            sequential = v;
            return this;
        }

        public Builder diverging(Palette v) {
            diverging = v;
            return this;
        }

        public Builder range(RangeMode v) {
            range = v;
            return this;
        }

        public Builder flipRows(boolean v) {
            flipRows = v;
            return this;
        }

        public Builder valueLabels(LabelMode v) {
            valueLabels = v;
            return this;
        }

        public Builder decimals(int v) {
            decimals = v;
            return this;
        }

        public Builder cellSize(int v) {
            cellSize = v;
            return this;
        }

        /** Overall size in logical pixels (0 = fit the content in that direction); cells stretch to fill it. */
        public Builder size(int w, int h) {
            width = w;
            height = h;
            return this;
        }

        public Builder zoom(double v) {
            zoom = v;
            return this;
        }

        public Builder fontSize(float v) {
            fontSize = v;
            return this;
        }

        /**
         * A fixed colour range for every panel (e.g. [0, 1] to compare attention across sequences), overriding the
         * data's range; NaN, NaN returns to the data's range.
         */
        public Builder fixedRange(double min, double max) {
            rangeMin = min;
            rangeMax = max;
            return this;
        }

        public Builder valueScale(ValueScale v) {
            valueScale = v;
            return this;
        }

        /** The options; checked as the record checks them. */
        public ChartOptions build() {
            return new ChartOptions(palette, sequential, diverging, range, flipRows, valueLabels, decimals, cellSize,
                    width, height, zoom, fontSize, rangeMin, rangeMax, valueScale);
        }
    }
}
