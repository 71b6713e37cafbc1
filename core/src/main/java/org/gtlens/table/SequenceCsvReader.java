package org.gtlens.table;

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
import org.gtlens.repr.Sequence;
import org.gtlens.repr.SequenceSource;
import org.gtlens.repr.TokenText;

/**
 * Reads sequences from a CSV file with a header, one sequence per row, streaming. A sequence is either one column
 * holding "4,5,5,5,4" or "4 5 5 5 4", or several integer columns (all columns when no column is named and the
 * file has more than one). Sequence ids are the 0-based data row numbers; messages also give the file line.
 */
public final class SequenceCsvReader implements SequenceSource, AutoCloseable {

    private final String fileName;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final List<Integer> columns;
    private final List<String> columnNames;
    private final int groupIndex;
    private long index;

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
        Reader reader;
        try {
            reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new GtLensException("Input file " + file + " does not exist.");
        } catch (IOException e) {
            throw new GtLensException("Input file " + file + " cannot be read: " + e.getMessage() + ".");
        }
        try {
            this.parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                    .setIgnoreEmptyLines(true).get().parse(reader);
        } catch (IOException | IllegalArgumentException | java.io.UncheckedIOException e) {
            reader.close();
            throw new GtLensException("Input file " + fileName + " " + problem(e) + ".");
        }
        Map<String, Integer> header = parser.getHeaderMap();
        if (header == null || header.isEmpty()) {
            parser.close();
            throw new GtLensException("Input file " + fileName + " is empty; it needs a header row and one sequence "
                    + "per row.");
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

    /** Group value of sequences whose group cell is empty. */
    public static final String MISSING_GROUP = "(missing)";

    @Override
    public Sequence next() throws IOException, GtLensException {
        Item<String> item = nextItem();
        return item == null ? null : item.sequence();
    }

    /**
     * The next sequence with its group value ({@link #MISSING_GROUP} for an empty cell; null without a group
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
        long line = record.getRecordNumber() + 1;
        int[] tokens = columns.size() == 1 ? parseOne(record, line) : parseColumns(record, line);
        String group = null;
        if (groupIndex >= 0) {
            group = groupIndex < record.size() ? record.get(groupIndex).strip() : "";
            group = group.isEmpty() ? MISSING_GROUP : group;
        }
        return new Item<>(group, new Sequence(Long.toString(index++), tokens));
    }

    /** What went wrong while reading, in words, without exception class names. */
    static String problem(Exception e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
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
        int[] tokens = new int[columns.size()];
        for (int c = 0; c < tokens.length; c++) {
            String text = value(record, c, line).trim();
            if (text.isEmpty()) {
                throw new GtLensException(where(line, c) + " is missing a value (sequence " + index + ", position "
                        + c + ").");
            }
            tokens[c] = parseToken(text, line, c, c);
        }
        return tokens;
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
}
