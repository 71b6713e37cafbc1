package org.gtlens.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.gtlens.GtLensException;
import org.gtlens.repr.Sequence;

/** Parses {@code --tokens 4,5,5,5,4} (commas or spaces) into sequences named by their 0-based index. */
final class TokenLists {

    private static final Pattern SEPARATORS = Pattern.compile("[\\s,;]+");

    private TokenLists() {
    }

    static List<Sequence> parse(List<String> texts) throws GtLensException {
        List<Sequence> sequences = new ArrayList<>();
        for (String text : texts) {
            sequences.add(parse(Integer.toString(sequences.size()), text));
        }
        return sequences;
    }

    static Sequence parse(String id, String text) throws GtLensException {
        String trimmed = text.trim();
        if (trimmed.startsWith("[") && trimmed.endsWith("]")) {
            trimmed = trimmed.substring(1, trimmed.length() - 1).trim();
        }
        if (trimmed.isEmpty()) {
            throw new GtLensException("--tokens '" + text + "' (sequence " + id + ") has no tokens.");
        }
        String[] parts = SEPARATORS.split(trimmed);
        int[] tokens = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                tokens[i] = Integer.parseInt(parts[i]);
            } catch (NumberFormatException e) {
                throw new GtLensException("--tokens '" + text + "' (sequence " + id + "): '" + parts[i]
                        + "' at position " + i + " is not an integer token.");
            }
        }
        return new Sequence(id, tokens);
    }
}
