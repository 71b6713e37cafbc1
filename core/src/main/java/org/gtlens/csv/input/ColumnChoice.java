package org.gtlens.csv.input;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVRecord;
import org.gtlens.GtLensException;
import org.gtlens.repr.TextTokens;
import org.gtlens.repr.TokenText;
import org.gtlens.table.Tables;

/**
 * Which columns of a CSV file hold the sequence and which one its group, chosen from the header and the user's
 * column names. Nothing is guessed: a header that names a column twice or not at all, or that reads as data (a file
 * without a header), is refused, as is a named column the file does not have.
 *
 * @param sequence the column or columns of the sequence
 * @param group    the index of the group column, or -1 when there is none
 */
record ColumnChoice(SequenceColumns sequence, int group) {

    /**
     * @param file        the file's name, for messages
     * @param header      the column index of each header name
     * @param names       the header's names, in column order
     * @param column      the column holding the sequence, or null: the only other column, or all other columns as
     *                    position columns
     * @param groupColumn a column whose value groups the sequences, or null
     */
    static ColumnChoice of(String file, long headerLine, Map<String, Integer> header, List<String> names,
            String column, String groupColumn) throws GtLensException {
        return of(file, headerLine, header, names, column, groupColumn, null);
    }

    /** @param text reads the sequence column as text through a vocabulary, or null for token ids */
    static ColumnChoice of(String file, long headerLine, Map<String, Integer> header, List<String> names,
            String column, String groupColumn, TextTokens text) throws GtLensException {
        checkHeader(file, headerLine, names, column, groupColumn);
        int group = -1;
        if (groupColumn != null) {
            group = index(file, header, names, groupColumn, "group column");
        }
        if (column != null) {
            int i = index(file, header, names, column, "column");
            return new ColumnChoice(text != null ? new SequenceColumns.Text(i, column, text)
                    : new SequenceColumns.TokenList(i, column), group);
        }
        List<Integer> indices = new ArrayList<>();
        List<String> chosen = new ArrayList<>();
        for (String name : names) {
            if (!name.equals(groupColumn)) {
                indices.add(header.get(name));
                chosen.add(name);
            }
        }
        if (indices.isEmpty()) {
            throw new GtLensException("Input file " + file + " has no column of sequences besides the group "
                    + "column '" + groupColumn + "'.");
        }
        if (text != null && indices.size() > 1) {
            throw new GtLensException("Input file " + file + " has " + indices.size() + " columns besides the group "
                    + "column; text is read from one: name it (--column).");
        }
        if (text != null) {
            return new ColumnChoice(new SequenceColumns.Text(indices.get(0), chosen.get(0), text), group);
        }
        return new ColumnChoice(indices.size() == 1 ? new SequenceColumns.TokenList(indices.get(0), chosen.get(0))
                : new SequenceColumns.Positions(indices, chosen), group);
    }

    /** The row's group value ({@link Tables#MISSING_GROUP} for an empty cell), or null without a group column. */
    String group(CSVRecord record) {
        if (group < 0) {
            return null;
        }
        String value = group < record.size() ? record.get(group).strip() : "";
        return value.isEmpty() ? Tables.MISSING_GROUP : value;
    }

    /**
     * The index of a named column.
     *
     * @param what how messages call the column, e.g. "group column"
     */
    static int index(String file, Map<String, Integer> header, List<String> names, String column, String what)
            throws GtLensException {
        Integer i = header.get(column);
        if (i == null) {
            throw new GtLensException("Input file " + file + " has no " + what + " '" + column + "' (columns: "
                    + String.join(", ", names) + ").");
        }
        return i;
    }

    /** Refuses a header with a nameless or twice-named column, or one that reads as data (no header at all). */
    static void checkHeader(String file, long headerLine, List<String> names, String column, String groupColumn)
            throws GtLensException {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (name == null || name.isBlank()) {
                throw new GtLensException("Input file " + file + " line " + headerLine + ", field " + (i + 1) + " has no column "
                        + "name; every column of the header needs one.");
            }
            Integer before = seen.putIfAbsent(name, i);
            if (before != null) {
                throw new GtLensException("Input file " + file + " line " + headerLine + " names column '" + name + "' twice "
                        + "(fields " + (before + 1) + " and " + (i + 1) + "); every column needs its own name.");
            }
        }
        if (column == null && groupColumn == null && looksLikeData(names)) {
            throw new GtLensException("Input file " + file + " has no header: its first line ("
                    + CsvFile.shorten(String.join(",", names)) + ") reads as a sequence; add a first line naming the "
                    + "columns (e.g. tokens).");
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
}
