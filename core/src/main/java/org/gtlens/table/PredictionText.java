package org.gtlens.table;

import org.gtlens.repr.Prediction;

/** The per-position prediction columns as text, the same in the CSV and in KNIME tables. */
public final class PredictionText {

    private PredictionText() {
    }

    /** The predicted token after every position, space separated. */
    public static String tokens(Prediction p) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < p.length(); i++) {
            b.append(i == 0 ? "" : " ").append(p.nextToken(i));
        }
        return b.toString();
    }

    /** The probability of each predicted token, space separated, each the shortest text of its float. */
    public static String probabilities(Prediction p) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < p.length(); i++) {
            b.append(i == 0 ? "" : " ").append(FloatText.toString(p.probability(i)));
        }
        return b.toString();
    }
}
