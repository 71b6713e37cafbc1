package org.gtlens.repr;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.gtlens.model.ModelInfo;

/**
 * Text read as a model's tokens, the inverse of its vocabulary: for a byte vocabulary the UTF-8 bytes of the text,
 * otherwise the labels matched greedily, longest first (a vocabulary of single characters reads one token per
 * character). A character the vocabulary cannot express is refused, never skipped or guessed.
 */
public final class TextTokens {

    /** Text the vocabulary cannot express, at a character position. */
    public static final class Problem extends Exception {
        private static final long serialVersionUID = 1L;

        private final int position;

        Problem(int position, String message) {
            super(message);
            this.position = position;
        }

        /** The character's position in the text, counting characters (code points) from 0. */
        public int position() {
            return position;
        }
    }

    private final ModelInfo info;
    private final Map<String, Integer> ids = new HashMap<>();
    private final int longest;

    private TextTokens(ModelInfo info) {
        this.info = info;
        int most = 0;
        List<String> vocab = info.vocab();
        for (int id = 0; id < vocab.size(); id++) {
            String label = vocab.get(id);
            if (!label.isEmpty() && ids.putIfAbsent(label, id) == null) {
                most = Math.max(most, label.length());
            }
        }
        this.longest = most;
    }

    /**
     * True when the model's tokens are pieces of text, so a sequence reads best as text: a byte vocabulary, or one
     * whose labels are all single characters (the ids "0".."9" of a ten-token model excepted: those are numbers).
     */
    public boolean readsText() {
        if (info.byteVocab()) {
            return true;
        }
        if (!info.hasVocabLabels()) {
            return false;
        }
        for (String label : info.vocab()) {
            if (label.codePointCount(0, label.length()) != 1) {
                return false;
            }
        }
        return true;
    }

    /** The reader of text for a model. */
    public static TextTokens of(ModelInfo info) {
        return new TextTokens(info);
    }

    /**
     * The tokens of a text.
     *
     * @throws Problem "has 'é' (U+00E9) at character 3, which the model's vocabulary cannot express"
     */
    public int[] encode(String text) throws Problem {
        if (info.byteVocab()) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            int[] tokens = new int[bytes.length];
            for (int i = 0; i < bytes.length; i++) {
                tokens[i] = bytes[i] & 0xff;
            }
            return tokens;
        }
        int[] tokens = new int[text.length()];
        int n = 0;
        int at = 0;
        int character = 0;
        while (at < text.length()) {
            int end = Math.min(text.length(), at + longest);
            Integer id = null;
            for (; end > at; end--) {
                id = ids.get(text.substring(at, end));
                if (id != null) {
                    break;
                }
            }
            if (id == null) {
                int cp = text.codePointAt(at);
                throw new Problem(character, "has " + describe(cp) + " at character " + character + ", which the "
                        + "model's vocabulary cannot express");
            }
            tokens[n++] = id;
            character += text.codePointCount(at, end);
            at = end;
        }
        return java.util.Arrays.copyOf(tokens, n);
    }

    /**
     * The text of tokens, for titles: a byte vocabulary's tokens decoded as UTF-8 (what is no text shows as the
     * replacement character), else the labels joined.
     */
    public String decode(int[] tokens) {
        if (info.byteVocab()) {
            byte[] bytes = new byte[tokens.length];
            for (int i = 0; i < tokens.length; i++) {
                bytes[i] = (byte) (tokens[i] < 256 ? tokens[i] : '?');
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
        StringBuilder b = new StringBuilder();
        for (int t : tokens) {
            b.append(info.tokenLabel(t));
        }
        return b.toString();
    }

    /** 'é' (U+00E9), or for an invisible character only its code. */
    static String describe(int codePoint) {
        String code = String.format("U+%04X", codePoint);
        return Character.isISOControl(codePoint) || Character.isWhitespace(codePoint) && codePoint != ' '
                ? "the character " + code : "'" + new String(Character.toChars(codePoint)) + "' (" + code + ")";
    }
}
