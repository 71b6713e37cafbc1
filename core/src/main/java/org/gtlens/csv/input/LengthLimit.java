package org.gtlens.csv.input;

import java.io.IOException;
import java.io.Reader;

/**
 * Hands the CSV parser its text and counts it: a line, or a row since the last {@link #mark} (a row may span lines
 * inside quotes), longer than the limit stops the read before the parser holds it all, so a huge or broken file is
 * refused in one sentence instead of filling the heap.
 * <p>
 * It hands on at most one line at a time, so the parser has used everything it was given whenever it asks for more
 * (after a carriage return it peeks one character, and gets just that one). The counting here is then exactly the
 * parser's place: the line a row starts on is the line of its first character after the blank lines the parser
 * skips, as a text editor counts (carriage return, line feed or both end a line), and the blank lines before a row
 * do not count toward its length.
 */
final class LengthLimit extends Reader {

    /** Longest line (and longest row) read, in characters: far more than any sequence of a model needs. */
    static final int MAX_LINE_CHARS = 4 << 20;

    /** Most fields of one row: one per position of the longest sequence a model may take, and then some. */
    static final int MAX_FIELDS = 1 << 17;

    private final Reader in;
    private final char[] ahead = new char[1 << 13];
    private int pos;
    private int end;
    /** The line of the next character, from 1. */
    private long line = 1;
    /** The current line has a character that is not a line break: it is no blank line. */
    private boolean lineHasText;
    private char last;
    private long sinceNewline;
    private long sinceMark;
    /** The line the current row starts on, or 0 while only blank lines came since the mark. */
    private long rowStart;
    private long fieldsSinceMark;
    private boolean quoted;

    LengthLimit(Reader in) {
        this.in = in;
    }

    /** A row was handed over: the next one starts counting at its first character that is not a line break. */
    void mark() {
        sinceMark = 0;
        fieldsSinceMark = 0;
        rowStart = lineHasText ? line : 0;
    }

    /** The line the row read since the last {@link #mark} starts on (0 before any character of it). */
    long rowStart() {
        return rowStart;
    }

    @Override
    public int read(char[] buffer, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (pos == end) {
            int n = in.read(ahead, 0, ahead.length);
            if (n <= 0) {
                return n;
            }
            pos = 0;
            end = n;
        }
        int most = last == '\r' ? 1 : len;
        int n = 0;
        while (n < most && pos < end) {
            char c = ahead[pos++];
            buffer[off + n++] = c;
            count(c);
            if (c == '\n' || c == '\r') {
                break;
            }
        }
        return n;
    }

    private void count(char c) throws TooLong {
        if (c == '"') {
            quoted = !quoted;
        } else if (c == ',' && !quoted && ++fieldsSinceMark > MAX_FIELDS) {
            // each field becomes a string before the row is handed over: many tiny ones fill the heap first
            throw new TooLong("line " + line + " has more than " + MAX_FIELDS + " fields, far more than one "
                    + "sequence needs");
        }
        if (c == '\n' || c == '\r') {
            if (c == '\r' || last != '\r') {
                line++;
            }
            lineHasText = false;
            fieldsSinceMark = quoted ? fieldsSinceMark : 0;
            sinceNewline = 0;
        } else {
            if (!lineHasText && rowStart == 0) {
                rowStart = line;
            }
            lineHasText = true;
            if (++sinceNewline > MAX_LINE_CHARS) {
                throw new TooLong("line " + line + " is longer than " + MAX_LINE_CHARS + " characters (4 MB), "
                        + "far more than one sequence needs");
            }
        }
        last = c;
        if (rowStart > 0 && ++sinceMark > MAX_LINE_CHARS) {
            throw new TooLong("has a row running on from line " + rowStart + " for more than " + MAX_LINE_CHARS
                    + " characters (4 MB); a closing quote is probably missing");
        }
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
