package org.gtlens.chart.figures;

import org.gtlens.Keyed;
import org.gtlens.analysis.HeadScore;
import org.gtlens.analysis.LensStat;
import org.gtlens.causal.EffectMetric;
import org.gtlens.chart.options.ChartOptions;
import org.gtlens.chart.options.ChartOptions.PaletteFamily;
import org.gtlens.chart.options.ChartOptions.RangeMode;
import org.gtlens.model.Kind;

/**
 * How each kind of figure is drawn, in one place for the command line, the explorer and the Heatmap View: its file
 * and display names, what a cell shows of a stored value (log-probabilities drawn as probabilities; the cells the
 * causal mask hides as no value, grey, rather than an attention of exactly 0), its palette family, colour range and
 * decimals. A representation kind has one figure kind ({@link #of(Kind)}); summary tables have their own.
 */
public enum FigureKind implements Keyed {
    ATTENTION("attention_maps", "Attention maps", Kind.ATTENTION, PaletteFamily.SEQUENTIAL, RangeMode.SHARED, -1),
    QUERIES("query_matrices", "Query matrices", Kind.QUERIES, PaletteFamily.DIVERGING, RangeMode.SHARED, -1),
    KEYS("key_matrices", "Key matrices", Kind.KEYS, PaletteFamily.DIVERGING, RangeMode.SHARED, -1),
    VALUES("value_matrices", "Value matrices", Kind.VALUES, PaletteFamily.DIVERGING, RangeMode.SHARED, -1),
    OUT("out_matrices", "Out matrices", Kind.OUT, PaletteFamily.DIVERGING, RangeMode.SHARED, -1),
    /** A block's logit lens, drawn as probabilities: exp of the stored log-probabilities. */
    PROBABILITIES("prob_matrices", "Next-token probabilities", Kind.LOGPROBS, PaletteFamily.SEQUENTIAL,
            RangeMode.SHARED, 3),
    ROLLOUT("rollout_maps", "Attention rollout", Kind.ROLLOUT, PaletteFamily.SEQUENTIAL, RangeMode.SHARED, -1),
    /** Head scores, one block x head panel per score, each on its own range (they are different quantities). */
    HEAD_SCORES("head_scores", "Head scores", null, PaletteFamily.SEQUENTIAL, RangeMode.PER_PANEL, 2),
    /** Logit-lens statistics, one block x position panel per statistic, each on its own range. */
    LENS_STATS("lens_stats", "Logit-lens statistics", null, PaletteFamily.SEQUENTIAL, RangeMode.PER_PANEL, 2),
    /**
     * Head ablation, one block x head panel per metric (mean over a group's sequences), each on its own range:
     * diverging around 0, where ablating the head changes nothing.
     */
    HEAD_ABLATION("head_ablation", "Head ablation", null, PaletteFamily.DIVERGING, RangeMode.PER_PANEL, 3),
    /**
     * Residual-stream patching, one block x position panel per pair or group: the share of the clean prediction
     * restored by putting back the stream entering the block at the position (1 all, 0 nothing).
     */
    PATCHING_RESID("patching_resid", "Residual stream patching", null, PaletteFamily.DIVERGING, RangeMode.SHARED,
            2),
    /** Head patching, one block x head panel per pair or group, as {@link #PATCHING_RESID}. */
    PATCHING_HEAD("patching_head", "Head patching", null, PaletteFamily.DIVERGING, RangeMode.SHARED, 2),
    /** Any other table of numbers: the palette follows the data. */
    TABLE("heatmap", "Heatmap", null, PaletteFamily.AUTO, RangeMode.SHARED, -1);

    private final String fileName;
    private final String displayName;
    private final Kind kind;
    private final PaletteFamily palette;
    private final RangeMode range;
    private final int decimals;

    FigureKind(String fileName, String displayName, Kind kind, PaletteFamily palette, RangeMode range,
            int decimals) {
        this.fileName = fileName;
        this.displayName = displayName;
        this.kind = kind;
        this.palette = palette;
        this.range = range;
        this.decimals = decimals;
    }

    /** The figure of a representation kind. */
    public static FigureKind of(Kind kind) {
        for (FigureKind f : values()) {
            if (f.kind == kind) {
                return f;
            }
        }
        throw new IllegalArgumentException("no figure for " + kind);
    }

    /** The figure of a representation kind named by its contract name, or {@link #TABLE} for anything else. */
    public static FigureKind ofContractName(String name) {
        Kind kind = name == null ? null : Kind.fromContractName(name);
        return kind == null ? TABLE : of(kind);
    }

    /** The file name without extension, e.g. {@code attention_maps}; also the stable key. */
    @Override
    public String key() {
        return fileName;
    }

    /** The file name without extension, e.g. {@code attention_maps}. */
    public String fileName() {
        return fileName;
    }

    /** What titles and pickers call it, e.g. "Value matrices". */
    public String displayName() {
        return displayName;
    }

    /** The representation kind it shows, or null for a summary or any other table. */
    public Kind kind() {
        return kind;
    }

    /**
     * The panels of a summary figure, in the order and with the titles the figure draws them: the keys of its scores,
     * statistics or metrics; empty for a figure whose panels are blocks and heads.
     */
    public java.util.List<String> panelKeys() {
        return switch (this) {
            case HEAD_SCORES -> java.util.Arrays.stream(HeadScore.values()).map(HeadScore::key).toList();
            case LENS_STATS -> java.util.Arrays.stream(LensStat.values()).map(LensStat::key).toList();
            case HEAD_ABLATION -> java.util.Arrays.stream(EffectMetric.values()).map(EffectMetric::key).toList();
            default -> java.util.List.of();
        };
    }

    /** True when each panel is a different quantity and gets its own colour range whatever the user's choice. */
    public boolean panelsDiffer() {
        return range == RangeMode.PER_PANEL;
    }

    /**
     * The options it is drawn with unless the user says otherwise. Patching shares are drawn on [-1, 1], where 1
     * restores the clean prediction and 0 nothing, so a pair that barely separates cannot wash out the others; labels
     * still give a value beyond it.
     */
    public ChartOptions defaults() {
        ChartOptions.Builder b = ChartOptions.defaults().toBuilder().palette(palette).range(range).decimals(decimals);
        if (this == PATCHING_RESID || this == PATCHING_HEAD) {
            b.fixedRange(-1, 1);
        }
        return b.build();
    }

    /**
     * What the cell at ({@code row}, {@code col}) of a matrix shows of its stored value: NaN (no value) where the
     * causal mask hides it, a probability for log-probabilities, else the value itself.
     */
    public double shown(double stored, int row, int col) {
        if (kind != null && kind.causal() && col > row) {
            return Double.NaN;
        }
        return this == PROBABILITIES ? Math.exp(stored) : stored;
    }
}
