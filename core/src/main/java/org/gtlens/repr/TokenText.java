package org.gtlens.repr;

/**
 * The one reader of a sequence written as text: {@code 4,5,5,5,4}, {@code 4 5 5 5 4}, {@code 4; 5} or
 * {@code [4 5 5 5 4]}. Strict, so nothing is silently changed: only ASCII digits (with an optional minus) make a
 * token, and an empty place between two separators is an error rather than skipped. Used by the command line, the
 * CSV reader and the KNIME node alike; callers say where the text came from.
 */
public final class TokenText {

    private TokenText() {
    }

    /** Text that is not a sequence of integer tokens; says which position and which text, not where it came from. */
    public static final class Problem extends Exception {
        private static final long serialVersionUID = 1L;

        private final int position;
        private final String value;

        Problem(int position, String value, String message) {
            super(message);
            this.position = position;
            this.value = value;
        }

        /** The 0-based position of the bad token, or -1 when the text as a whole is at fault (e.g. empty). */
        public int position() {
            return position;
        }

        /** The offending text, or null. */
        public String value() {
            return value;
        }
    }

    /** True when the text holds no token at all (blank, or only brackets). */
    public static boolean isEmpty(String text) {
        return unbracketed(text).isEmpty();
    }

    /**
     * @return the tokens, at least one
     * @throws Problem naming the position and text of the first bad token, e.g. "'x' at position 2 is not an integer
     *                 token", "position 1 is empty (two separators in a row)", "has no tokens"
     */
    public static int[] parse(String text) throws Problem {
        String s = unbracketed(text);
        if (s.isEmpty()) {
            throw new Problem(-1, text, "has no tokens");
        }
        int[] tokens = new int[s.length() / 2 + 1];
        int n = 0;
        int i = 0;
        while (true) {
            int start = i;
            while (i < s.length() && !isSeparator(s.charAt(i))) {
                i++;
            }
            if (i == start) {
                throw new Problem(n, "", "position " + n + " is empty");
            }
            tokens[n] = token(s.substring(start, i), n);
            n++;
            if (i == s.length()) {
                break;
            }
            // the gap to the next token: blanks around at most one comma or semicolon
            int punctuation = 0;
            while (i < s.length() && isSeparator(s.charAt(i))) {
                punctuation += s.charAt(i) == ',' || s.charAt(i) == ';' ? 1 : 0;
                i++;
            }
            if (punctuation > 1 || i == s.length()) {
                throw new Problem(n, "", "position " + n + " is empty"
                        + (i == s.length() ? " (the text ends with a separator)" : " (two separators in a row)"));
            }
        }
        return java.util.Arrays.copyOf(tokens, n);
    }

    /**
     * One token id written as text (a table cell of an integer column read as text).
     *
     * @param position where it stands in its sequence, for the message
     */
    public static int token(String text, int position) throws Problem {
        String t = text.strip();
        int i = t.startsWith("-") ? 1 : 0;
        boolean digits = t.length() > i && t.length() - i <= 18;
        for (int k = i; k < t.length() && digits; k++) {
            char c = t.charAt(k);
            digits = c >= '0' && c <= '9';
        }
        if (!digits) {
            throw new Problem(position, text, "'" + text + "' at position " + position + " is not an integer token");
        }
        long value = Long.parseLong(t);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new Problem(position, text, "'" + text + "' at position " + position
                    + " is not a token id (too large)");
        }
        return (int) value;
    }

    private static boolean isSeparator(char c) {
        return c == ',' || c == ';' || c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    private static String unbracketed(String text) {
        String s = text.strip();
        if (s.startsWith("[") && s.endsWith("]")) {
            s = s.substring(1, s.length() - 1).strip();
        }
        return s;
    }
}
