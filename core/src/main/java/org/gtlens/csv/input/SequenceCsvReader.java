package org.gtlens.csv.input;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.gtlens.GtLensException;
import org.gtlens.repr.Item;
import org.gtlens.repr.PositionCells;
import org.gtlens.repr.Sequence;
import org.gtlens.repr.SequenceSource;
import org.gtlens.repr.TokenText;
import org.gtlens.table.Tables;

/**
 * Reads sequences from a CSV file with a header, one sequence per row, streaming. A sequence is either one column
 * holding "4,5,5,5,4" or "4 5 5 5 4", or several integer columns (all columns when no column is named and the
 * file has more than one). Sequence ids are the 0-based data row numbers; messages also give the file line.
 * <p>
 * Nothing is guessed: a header that names a column twice, a first line that reads as data (a file without a
 * header), and a row with more or fewer fields than the header are refused with the line and field named. A line
 * longer than {@link #MAX_LINE_CHARS} characters, or a row running on for as long (an unclosed quote), is refused
 * before it is held in memory.
 */
public final class SequenceCsvReader implements SequenceSource, AutoCloseable {

    private final String fileName;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final List<Integer> columns;
    private final List<String> columnNames;
    private final int groupIndex;
    private final Limited limited;
    private final int fields;
    private long index;

    /** Longest line (and longest row) read, in characters: far more than any sequence of a model needs. */
    public static final int MAX_LINE_CHARS = 4 << 20;

    /** Most fields of one row: one per position of the longest sequence a model may take, and then some. */
    public static final int MAX_FIELDS = 1 << 17;

    /**
     * @param column the column holding the sequence, or null: the only column, or all columns as integer columns
     */
    public SequenceCsvReader(Path file, String column) throws IOException, GtLensException {
        this(file, column, null);
    }

    /**
     * @param column      the column holding the sequence, or null: the only other column, or all other columns as
     *                    integer columns
     * @param groupColumn a column whose value groups the sequences (e.g. the class), or null
     */
    public SequenceCsvReader(Path file, String column, String groupColumn) throws IOException, GtLensException {
        this.fileName = String.valueOf(file.getFileName());
        if (Files.isDirectory(file)) {
            throw new GtLensException("Input file " + file + " is a folder, not a CSV file.");
        }
        if (!Files.isRegularFile(file) && Files.exists(file)) {
            throw new GtLensException("Input file " + file + " is not a regular file (a device or a pipe); give the "
                    + "path of a CSV file.");
        }
        Reader reader;
        try {
            reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new GtLensException("Input file " + file + " does not exist.");
        } catch (IOException e) {
            throw new GtLensException("Input file " + file + " cannot be read: " + org.gtlens.files.FileProblems.reason(e)
                    + ".");
        }
        Reader text;
        try {
            text = withoutByteOrderMark(reader);
        } catch (IOException e) {
            reader.close();
            throw new GtLensException("Input file " + fileName + " " + problem(e) + ".");
        }
        this.limited = new Limited(text);
        try {
            this.parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                    .setIgnoreEmptyLines(true).setDuplicateHeaderMode(org.apache.commons.csv.DuplicateHeaderMode
                            .ALLOW_ALL).setAllowMissingColumnNames(true).get().parse(limited);
        } catch (IOException | IllegalArgumentException | java.io.UncheckedIOException e) {
            limited.close();
            throw new GtLensException("Input file " + fileName + " " + problem(e) + ".");
        }
        limited.mark(parser.getCurrentLineNumber() + 1);
        Map<String, Integer> header = parser.getHeaderMap();
        if (header == null || header.isEmpty()) {
            parser.close();
            throw new GtLensException("Input file " + fileName + " is empty; it needs a header row and one sequence "
                    + "per row.");
        }
        List<String> names = parser.getHeaderNames();
        this.fields = names.size();
        try {
            checkHeader(names, column, groupColumn);
        } catch (GtLensException e) {
            parser.close();
            throw e;
        }
        this.columns = new ArrayList<>();
        this.columnNames = new ArrayList<>();
        if (groupColumn != null) {
            Integer g = header.get(groupColumn);
            if (g == null) {
                parser.close();
                throw new GtLensException("Input file " + fileName + " has no group column '" + groupColumn
                        + "' (columns: " + String.join(", ", parser.getHeaderNames()) + ").");
            }
            this.groupIndex = g;
        } else {
            this.groupIndex = -1;
        }
        if (column != null) {
            Integer i = header.get(column);
            if (i == null) {
                parser.close();
                throw new GtLensException("Input file " + fileName + " has no column '" + column
                        + "' (columns: " + String.join(", ", parser.getHeaderNames()) + ").");
            }
            columns.add(i);
            columnNames.add(column);
        } else {
            for (String name : parser.getHeaderNames()) {
                if (!name.equals(groupColumn)) {
                    columns.add(header.get(name));
                    columnNames.add(name);
                }
            }
            if (columns.isEmpty()) {
                parser.close();
                throw new GtLensException("Input file " + fileName + " has no column of sequences besides the group "
                        + "column '" + groupColumn + "'.");
            }
        }
        this.records = parser.iterator();
    }

    /** The text without the byte order mark some editors write first (else it would be part of the first name). */
    private static Reader withoutByteOrderMark(Reader reader) throws IOException {
        java.io.PushbackReader in = new java.io.PushbackReader(reader, 1);
        int first = in.read();
        if (first >= 0 && first != '\uFEFF') {
            in.unread(first);
        }
        return in;
    }

    /** Refuses a header with a nameless or twice-named column, or one that reads as data (no header at all). */
    private void checkHeader(List<String> names, String column, String groupColumn) throws GtLensException {
        Map<String, Integer> seen = new java.util.HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (name == null || name.isBlank()) {
                throw new GtLensException("Input file " + fileName + " line 1, field " + (i + 1) + " has no column "
                        + "name; every column of the header needs one.");
            }
            Integer before = seen.putIfAbsent(name, i);
            if (before != null) {
                throw new GtLensException("Input file " + fileName + " line 1 names column '" + name + "' twice "
                        + "(fields " + (before + 1) + " and " + (i + 1) + "); every column needs its own name.");
            }
        }
        if (column == null && groupColumn == null && looksLikeData(names)) {
            throw new GtLensException("Input file " + fileName + " has no header: its first line ("
                    + shorten(String.join(",", names)) + ") reads as a sequence; add a first line naming the columns "
                    + "(e.g. tokens).");
        }
    }

    /**
     * True when header names read as a sequence: one name that is a token list, or several that are all integers but
     * not the positions 0..n-1 or 1..n (names a table of position columns may well have).
     */
    static boolean looksLikeData(List<String> names) {
        int[] values = new int[names.size()];
        for (int i = 0; i < names.size(); i++) {
            try {
                int[] tokens = TokenText.parse(names.get(i));
                if (tokens.length != 1 && names.size() > 1) {
                    return false;
                }
                if (names.size() == 1) {
                    return tokens.length > 1 || tokens[0] > 1;
                }
                values[i] = tokens[0];
            } catch (TokenText.Problem | RuntimeException e) {
                return false;
            }
        }
        boolean fromZero = true;
        boolean fromOne = true;
        for (int i = 0; i < values.length; i++) {
            fromZero &= values[i] == i;
            fromOne &= values[i] == i + 1;
        }
        return !fromZero && !fromOne;
    }

    private static String shorten(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }

    @Override
    public Sequence next() throws IOException, GtLensException {
        Item<String> item = nextItem();
        return item == null ? null : item.sequence();
    }

    /**
     * The next sequence with its group value ({@link #Tables.MISSING_GROUP} for an empty cell; null without a group
     * column), or null at the end.
     */
    public Item<String> nextItem() throws IOException, GtLensException {
        CSVRecord record;
        try {
            if (!records.hasNext()) {
                if (index == 0) {
                    throw new GtLensException("Input file " + fileName + " has no sequences (only a header).");
                }
                return null;
            }
            record = records.next();
        } catch (java.io.UncheckedIOException | IllegalStateException e) {
            throw new GtLensException("Input file " + fileName + " " + problem(e) + " (after data row " + index
                    + ").");
        }
        limited.mark(parser.getCurrentLineNumber() + 1);
        long line = record.getRecordNumber() + 1;
        if (record.size() != fields) {
            throw new GtLensException("Input file " + fileName + " line " + line + " has " + record.size()
                    + " field" + (record.size() == 1 ? "" : "s") + " but the header names " + fields + " column"
                    + (fields == 1 ? "" : "s") + (record.size() > fields ? "; field " + (fields + 1) + " ('"
                    + shorten(record.get(fields)) + "') has no column" : "") + " (sequence " + index
                    + "); a sequence in one column needs quotes, e.g. \"4,5,5\".");
        }
        int[] tokens = columns.size() == 1 ? parseOne(record, line) : parseColumns(record, line);
        String group = null;
        if (groupIndex >= 0) {
            group = groupIndex < record.size() ? record.get(groupIndex).strip() : "";
            group = group.isEmpty() ? Tables.MISSING_GROUP : group;
        }
        return new Item<>(group, new Sequence(Long.toString(index++), tokens));
    }

    /** What went wrong while reading, in words, without exception class names. */
    static String problem(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TooLong tooLong) {
                return tooLong.getMessage();
            }
        }
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        String text = String.valueOf(cause.getMessage());
        if (text.contains("EOF reached before encapsulated token finished")) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("startline (\\d+)").matcher(text);
            return "is not valid CSV: a quote opened" + (m.find() ? " on line " + m.group(1) : "") + " is never "
                    + "closed";
        }
        if (cause instanceof java.nio.charset.CharacterCodingException) {
            return "is not UTF-8 text";
        }
        String detail = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return "is not valid CSV: " + detail;
    }

    private int[] parseOne(CSVRecord record, long line) throws GtLensException {
        String text = value(record, 0, line);
        if (TokenText.isEmpty(text)) {
            throw new GtLensException(where(line, 0) + " is empty: sequence " + index + " has no tokens.");
        }
        try {
            return TokenText.parse(text);
        } catch (TokenText.Problem p) {
            throw new GtLensException(where(line, 0) + ": sequence " + index + ", " + p.getMessage() + ".");
        }
    }

    private int[] parseColumns(CSVRecord record, long line) throws GtLensException {
        try {
            return PositionCells.read(new PositionCells.Cells<GtLensException>() {
                @Override
                public boolean isEmpty(int column) {
                    int i = columns.get(column);
                    return i >= record.size() || record.get(i).isBlank();
                }

                @Override
                public int token(int column) throws GtLensException {
                    return parseToken(value(record, column, line).trim(), line, column, column);
                }
            }, columnNames);
        } catch (PositionCells.Gap gap) {
            throw new GtLensException("Input file " + fileName + " line " + line + " (sequence " + index + ") "
                    + gap.getMessage() + ".");
        }
    }

    private String value(CSVRecord record, int c, long line) throws GtLensException {
        int i = columns.get(c);
        if (i >= record.size()) {
            throw new GtLensException(where(line, c) + " is missing: the row has only " + record.size()
                    + " fields.");
        }
        return record.get(i);
    }

    private int parseToken(String text, long line, int c, int position) throws GtLensException {
        try {
            return TokenText.token(text, position);
        } catch (TokenText.Problem p) {
            throw new GtLensException(where(line, c) + ": sequence " + index + ", " + p.getMessage() + ".");
        }
    }

    private String where(long line, int c) {
        return "Input file " + fileName + " line " + line + ", column '" + columnNames.get(c) + "'";
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }

    /** A line or row longer than {@link #MAX_LINE_CHARS}. */
    private static final class TooLong extends IOException {
        private static final long serialVersionUID = 1L;

        TooLong(String message) {
            super(message);
        }
    }

    /**
     * Counts what the parser reads: a line, or a row since the last {@link #mark} (a row may span lines inside
     * quotes), longer than the limit stops the read before the parser holds it all.
     */
    private static final class Limited extends Reader {
        private final Reader in;
        private long line = 1;
        private long sinceNewline;
        private long sinceMark;
        private long markLine = 1;
        private long fieldsSinceMark;
        private boolean quoted;

        Limited(Reader in) {
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
    }
}
