package org.gtlens.cli;

import java.util.ArrayList;
import java.util.List;

import org.gtlens.GtLensException;
import org.gtlens.repr.Sequence;
import org.gtlens.repr.TokenText;

/** Turns {@code --tokens 4,5,5,5,4} (the core's token text) into sequences named by their 0-based index. */
final class TokenLists {

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
        try {
            return new Sequence(id, TokenText.parse(text));
        } catch (TokenText.Problem p) {
            throw new GtLensException("--tokens '" + org.gtlens.Quoted.shorten(text) + "' (sequence " + id + "): "
                    + p.getMessage() + ".");
        }
    }
}
