package org.gtlens.knime.heatmap;

import java.util.List;

import org.gtlens.causal.PatchSite;
import org.gtlens.chart.options.ChartOptions.LabelMode;
import org.gtlens.chart.options.ChartOptions.PaletteFamily;
import org.gtlens.chart.options.ChartOptions.RangeMode;
import org.gtlens.chart.options.ChartOptions.ValueScale;
import org.gtlens.knime.dialog.Choice;
import org.gtlens.model.Kind;

/** The choices of Heatmap View's settings: stable keys, the dialog's labels, and labels stored by earlier releases. */
final class HeatmapChoices {

    /** Kind choice meaning "do not filter by kind". */
    static final String KIND_ANY = "any";

    /** Every kind by its contract name, and "any" (stored as "(any)" by the first version). */
    static final List<Choice> KINDS = kinds();

    static final List<Choice> SCALES = List.of(new Choice(PaletteFamily.AUTO.key(),
        "Auto (diverging for signed values)"), new Choice(PaletteFamily.SEQUENTIAL.key(), "Sequential (viridis)"),
        new Choice(PaletteFamily.DIVERGING.key(), "Diverging, centred on 0"));

    static final List<Choice> VALUE_SCALES = List.of(new Choice(ValueScale.LINEAR.key(), "Linear"),
        new Choice(ValueScale.LOG.key(), "Logarithmic (attention, probabilities)"),
        new Choice(ValueScale.ROW.key(), "Each row relative to its largest value"));

    static final List<Choice> LABELS = List.of(new Choice(LabelMode.AUTO.key(), "Auto (where they fit)"),
        new Choice(LabelMode.ON.key(), "On"), new Choice(LabelMode.OFF.key(), "Off"));

    static final List<Choice> RANGES = List.of(new Choice(RangeMode.SHARED.key(), "Shared by all panels"),
        new Choice(RangeMode.PER_PANEL.key(), "Per panel", "per panel"));

    private HeatmapChoices() {
    }

    private static List<Choice> kinds() {
        List<Choice> l = new java.util.ArrayList<>();
        for (Kind k : Kind.values()) {
            l.add(new Choice(k.contractName(), k.contractName()));
        }
        l.add(new Choice(PatchSite.RESID.key(), "resid (patching: the residual stream)"));
        l.add(new Choice(PatchSite.HEAD.key(), "head (patching: the heads)"));
        l.add(new Choice(KIND_ANY, "(any: do not filter by kind)", "(any)"));
        return List.copyOf(l);
    }
}
