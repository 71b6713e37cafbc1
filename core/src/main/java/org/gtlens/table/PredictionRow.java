package org.gtlens.table;

import org.gtlens.model.ModelInfo;
import org.gtlens.repr.Prediction;
import org.gtlens.repr.Sequence;

/** A sequence's row of {@link Tables#PREDICTIONS}, the same in the CSV and in KNIME tables. */
public final class PredictionRow {

    private PredictionRow() {
    }

    /** The row's values in the schema's order. */
    public static Object[] of(ModelInfo info, Sequence sequence, Prediction p) {
        return new Object[] {sequence.id(), sequence.tokensText(), p.last(), info.tokenLabel(p.last()),
            p.lastProbability(), tokens(p), probabilities(p), labels(info, p)};
    }

    /** The label of the predicted token after every position, space separated (the ids' labels, in order). */
    static String labels(ModelInfo info, Prediction p) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < p.length(); i++) {
            b.append(i == 0 ? "" : " ").append(info.tokenLabel(p.nextToken(i)));
        }
        return b.toString();
    }

    /** The predicted token after every position, space separated. */
    static String tokens(Prediction p) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < p.length(); i++) {
            b.append(i == 0 ? "" : " ").append(p.nextToken(i));
        }
        return b.toString();
    }

    /** The probability of each predicted token, space separated, each the shortest text of its float. */
    static String probabilities(Prediction p) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < p.length(); i++) {
            b.append(i == 0 ? "" : " ").append(FloatText.toString(p.probability(i)));
        }
        return b.toString();
    }
}
