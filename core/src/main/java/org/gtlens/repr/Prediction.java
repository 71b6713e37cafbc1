package org.gtlens.repr;

/**
 * The model's most likely next token at each position of a sequence and its probability; the last position's
 * entry is "what comes next".
 *
 * @param nextTokens    argmax of the final log-probabilities at each position
 * @param probabilities exp of that maximum at each position
 */
public record Prediction(int[] nextTokens, float[] probabilities) {

    public Prediction {
        nextTokens = nextTokens.clone();
        probabilities = probabilities.clone();
    }

    @Override
    public int[] nextTokens() {
        return nextTokens.clone();
    }

    @Override
    public float[] probabilities() {
        return probabilities.clone();
    }

    public int length() {
        return nextTokens.length;
    }

    public int nextToken(int position) {
        return nextTokens[position];
    }

    public float probability(int position) {
        return probabilities[position];
    }

    /** The prediction after the whole sequence. */
    public int last() {
        return nextTokens[nextTokens.length - 1];
    }

    /** The probability of {@link #last()}. */
    public float lastProbability() {
        return probabilities[probabilities.length - 1];
    }
}
