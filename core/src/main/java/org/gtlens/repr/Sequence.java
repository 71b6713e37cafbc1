package org.gtlens.repr;

import java.util.Arrays;
import java.util.Objects;

/**
 * One input sequence with the id that reports and tables use to point back at it (a KNIME row ID, a CSV row
 * number, or an index).
 *
 * @param id     how messages and tables name this sequence
 * @param tokens the token ids
 */
public record Sequence(String id, int[] tokens) {

    public Sequence {
        Objects.requireNonNull(id, "id");
        tokens = tokens.clone();
    }

    @Override
    public int[] tokens() {
        return tokens.clone();
    }

    public int length() {
        return tokens.length;
    }

    public int token(int position) {
        return tokens[position];
    }

    /** The tokens as tables write them, e.g. {@code 4,5,5,5,4}. */
    public String tokensText() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < tokens.length; i++) {
            b.append(i == 0 ? "" : ",").append(tokens[i]);
        }
        return b.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Sequence other && id.equals(other.id) && Arrays.equals(tokens, other.tokens);
    }

    @Override
    public int hashCode() {
        return id.hashCode() * 31 + Arrays.hashCode(tokens);
    }

    @Override
    public String toString() {
        return id + "=[" + tokensText() + "]";
    }
}
