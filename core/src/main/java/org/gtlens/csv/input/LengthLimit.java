package org.gtlens.csv.input;

import java.io.IOException;
import java.io.Reader;

/**
 * Counts what the CSV parser reads: a line, or a row since the last {@link #mark} (a row may span lines inside
 * quotes), longer than the limit stops the read before the parser holds it all, so a huge or broken file is refused
 * in one sentence instead of filling the heap.
 */
final class LengthLimit extends Reader {

    /** Longest line (and longest row) read, in characters: far more than any sequence of a model needs. */
    static final int MAX_LINE_CHARS = 4 << 20;

    /** Most fields of one row: one per position of the longest sequence a model may take, and then some. */
    static final int MAX_FIELDS = 1 << 17;

    private final Reader in;
    private long line = 1;
    private long sinceNewline;
    private long sinceMark;
    private long markLine = 1;
    private long fieldsSinceMark;
    private boolean quoted;

    LengthLimit(Reader in) {
        this.in = in;
    }

    /** A row ended: the next one, which starts on {@code nextLine}, starts counting. */
    void mark(long nextLine) {
        sinceMark = 0;
        fieldsSinceMark = 0;
        markLine = nextLine;
    }

    @Override
    public int read(char[] buffer, int off, int len) throws IOException {
        int n = in.read(buffer, off, len);
        for (int i = off; i < off + n; i++) {
            char c = buffer[i];
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted && ++fieldsSinceMark > MAX_FIELDS) {
                // each field becomes a string before the row is handed over: many tiny ones fill the heap first
                throw new TooLong("line " + line + " has more than " + MAX_FIELDS + " fields, far more than one "
                        + "sequence needs");
            }
            if (c == '\n') {
                line++;
                fieldsSinceMark = quoted ? fieldsSinceMark : 0;
                sinceNewline = 0;
            } else if (++sinceNewline > MAX_LINE_CHARS) {
                throw new TooLong("line " + line + " is longer than " + MAX_LINE_CHARS + " characters (4 MB), "
                        + "far more than one sequence needs");
            }
            // the parser reads ahead a little: a row may have that much beyond the limit before it is refused
            if (++sinceMark > MAX_LINE_CHARS + (1 << 16)) {
                throw new TooLong("has a row running on from line " + markLine + " for more than "
                        + MAX_LINE_CHARS + " characters (4 MB); a closing quote is probably missing");
            }
        }
        return n;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** A line or row longer than the limit; its message ends a sentence that begins with the file's name. */
    static final class TooLong extends IOException {
        private static final long serialVersionUID = 1L;

        TooLong(String message) {
            super(message);
        }
    }
}
