package org.gtlens.chart.layout;

import java.util.ArrayList;
import java.util.List;

/**
 * The tick labels an axis shows for a panel's row or column labels, so that the layout measures what is drawn: each
 * label cut to {@link #MAX_CHARS} characters (a vocabulary may hold 300-character tokens; the tooltip keeps the whole
 * label), and for an axis of more than {@link #MAX_SYMBOLS} labels, where SymbolAxis draws nothing, the
 * indices a number axis shows instead.
 */
public final class TickLabels {

    /** SymbolAxis stops drawing ticks beyond this many (JFreeChart's limit); longer axes count instead. */
    public static final int MAX_SYMBOLS = 500;

    /** Longest tick label, in characters, the last of them an ellipsis. */
    public static final int MAX_CHARS = 24;

    private TickLabels() {
    }

    public static List<String> of(List<String> labels) {
        List<String> shown = new ArrayList<>(labels.size());
        if (labels.size() > MAX_SYMBOLS) {
            shown.add("0");
            shown.add(Integer.toString(labels.size() - 1));
            return shown;
        }
        for (String l : labels) {
            shown.add(shorten(l));
        }
        return shown;
    }

    static String shorten(String label) {
        if (label.length() <= MAX_CHARS) {
            return label;
        }
        int end = MAX_CHARS - 1;
        if (Character.isHighSurrogate(label.charAt(end - 1))) {
            end--;
        }
        return label.substring(0, end) + "\u2026";
    }
}
