package org.gtlens.csv.input;

import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;
import org.gtlens.GtLensException;
import org.gtlens.files.FileProblems;

/**
 * A CSV file with a header opened as UTF-8 text under the {@link LengthLimit}, and what goes wrong with it (missing,
 * a folder, not UTF-8, a quote never closed) said as the end of a sentence that names the file, never as an
 * exception class.
 */
final class CsvFile implements AutoCloseable {

    private static final Pattern START_LINE = Pattern.compile("startline (\\d+)");

    private final String name;
    private final CSVParser parser;
    private final LengthLimit limit;
    private final long headerLine;
    private long line;

    private CsvFile(String name, CSVParser parser, LengthLimit limit, long headerLine) {
        this.name = name;
        this.parser = parser;
        this.limit = limit;
        this.headerLine = headerLine;
    }

    /** The line the header is on, as a text editor counts (blank lines before it are skipped). */
    long headerLine() {
        return headerLine;
    }

    /** Opens the file and reads its header; a file without a header (empty) is refused. */
    static CsvFile open(Path file) throws IOException, GtLensException {
        String name = String.valueOf(file.getFileName());
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
            throw new GtLensException("Input file " + file + " cannot be read: " + FileProblems.reason(e) + ".");
        }
        Reader text;
        try {
            text = withoutByteOrderMark(reader);
        } catch (IOException e) {
            reader.close();
            throw new GtLensException("Input file " + name + " " + problem(e) + ".");
        }
        LengthLimit limit = new LengthLimit(text);
        CSVParser parser;
        try {
            parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                    .setIgnoreEmptyLines(true).setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_ALL)
                    .setAllowMissingColumnNames(true).get().parse(limit);
        } catch (IOException | IllegalArgumentException | UncheckedIOException e) {
            limit.close();
            throw new GtLensException("Input file " + name + " " + problem(e) + ".");
        }
        long headerLine = Math.max(1, limit.rowStart());
        limit.mark();
        Map<String, Integer> header = parser.getHeaderMap();
        if (header == null || header.isEmpty()) {
            parser.close();
            throw new GtLensException("Input file " + name + " is empty; it needs a header row and one sequence "
                    + "per row.");
        }
        return new CsvFile(name, parser, limit, headerLine);
    }

    /** The text without the byte order mark some editors write first (else it would be part of the first name). */
    private static Reader withoutByteOrderMark(Reader reader) throws IOException {
        PushbackReader in = new PushbackReader(reader, 1);
        int first = in.read();
        if (first >= 0 && first != '\uFEFF') {
            in.unread(first);
        }
        return in;
    }

    /**
     * The next data row, or null at the end; a file without data rows, a broken row or a row whose field count is
     * not the header's is refused naming the line.
     *
     * @param index the number of the row's item (0 for the first), for messages
     * @param item  what a row holds, for messages ("sequence", "pair")
     * @param items its plural
     */
    CSVRecord next(long index, String item, String items) throws GtLensException {
        CSVRecord record;
        try {
            if (!records().hasNext()) {
                if (index == 0) {
                    throw new GtLensException("Input file " + name + " has no " + items + " (only a header).");
                }
                return null;
            }
            record = records().next();
        } catch (java.io.UncheckedIOException | IllegalStateException e) {
            throw new GtLensException("Input file " + name + " " + problem(e) + " (after data row " + index + ").");
        }
        line = limit.rowStart();
        rowEnded();
        int fields = headerNames().size();
        if (record.size() != fields) {
            throw new GtLensException("Input file " + name + " line " + line + " has " + record.size()
                    + " field" + (record.size() == 1 ? "" : "s") + " but the header names " + fields + " column"
                    + (fields == 1 ? "" : "s") + (record.size() > fields ? "; field " + (fields + 1) + " ('"
                    + shorten(record.get(fields)) + "') has no column" : "") + " (" + item + " " + index
                    + "); a sequence in one column needs quotes, e.g. \"4,5,5\".");
        }
        return record;
    }

    /**
     * The line the row {@link #next} handed over last starts on, as a text editor counts: blank lines and line
     * breaks inside quotes before it count, though no row is made of them.
     */
    long line() {
        return line;
    }

    /** The file's name as messages give it. */
    String name() {
        return name;
    }

    /** The header's names, in column order. */
    List<String> headerNames() {
        return parser.getHeaderNames();
    }

    /** The column index of each header name. */
    Map<String, Integer> header() {
        return parser.getHeaderMap();
    }

    /** The data rows; reading one may throw {@link UncheckedIOException} or {@link IllegalStateException}. */
    Iterator<CSVRecord> records() {
        return parser.iterator();
    }

    /** A row was handed over: the length limit counts the next one afresh. */
    void rowEnded() {
        limit.mark();
    }

    /** What went wrong while reading, in words, without exception class names. */
    static String problem(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof LengthLimit.TooLong tooLong) {
                return tooLong.getMessage();
            }
        }
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        String text = String.valueOf(cause.getMessage());
        if (text.contains("EOF reached before encapsulated token finished")) {
            Matcher m = START_LINE.matcher(text);
            return "is not valid CSV: a quote opened" + (m.find() ? " on line " + m.group(1) : "") + " is never "
                    + "closed";
        }
        if (cause instanceof CharacterCodingException) {
            return "is not UTF-8 text";
        }
        String detail = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return "is not valid CSV: " + detail;
    }

    /** Text of the file as a message quotes it: at most 40 characters. */
    static String shorten(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
