package org.gtlens.csv.input;

import java.io.IOException;
import java.nio.file.Path;

import org.apache.commons.csv.CSVRecord;
import org.gtlens.GtLensException;
import org.gtlens.repr.Item;
import org.gtlens.repr.Sequence;
import org.gtlens.repr.SequenceSource;
import org.gtlens.repr.TextTokens;
import org.gtlens.table.Tables;

/**
 * Reads sequences from a CSV file with a header, one sequence per row, streaming. A sequence is either one column
 * holding "4,5,5,5,4" or "4 5 5 5 4", or several integer columns (all columns when no column is named and the
 * file has more than one). Sequence ids are the 0-based data row numbers; messages also give the file line.
 * <p>
 * Nothing is guessed: a header that names a column twice, a first line that reads as data (a file without a
 * header), and a row with more or fewer fields than the header are refused with the line (as a text editor counts
 * it) and field named. Blank lines are skipped, however many. A line longer than {@link #MAX_LINE_CHARS} characters,
 * or a row running on for as long (an unclosed quote), is refused before it is held in memory.
 */
public final class SequenceCsvReader implements SequenceSource, AutoCloseable {

    /** Longest line (and longest row) read, in characters: far more than any sequence of a model needs. */
    public static final int MAX_LINE_CHARS = LengthLimit.MAX_LINE_CHARS;

    /** Most fields of one row: one per position of the longest sequence a model may take, and then some. */
    public static final int MAX_FIELDS = LengthLimit.MAX_FIELDS;

    private final CsvFile file;
    private final ColumnChoice columns;
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
        this(file, column, groupColumn, null);
    }

    /**
     * @param text reads the sequence column as text through a model's vocabulary ({@link TextTokens}), or null for
     *             token ids
     */
    public SequenceCsvReader(Path file, String column, String groupColumn, TextTokens text)
            throws IOException, GtLensException {
        this.file = CsvFile.open(file);
        try {
            this.columns = ColumnChoice.of(this.file.name(), this.file.headerLine(), this.file.header(),
                    this.file.headerNames(), column, groupColumn, text);
        } catch (GtLensException e) {
            this.file.close();
            throw e;
        }
    }

    @Override
    public Sequence next() throws IOException, GtLensException {
        Item<String> item = nextItem();
        return item == null ? null : item.sequence();
    }

    /**
     * The next sequence with its group value ({@link Tables#MISSING_GROUP} for an empty cell; null without a group
     * column), or null at the end.
     */
    public Item<String> nextItem() throws IOException, GtLensException {
        CSVRecord record = file.next(index, "sequence", "sequences");
        if (record == null) {
            return null;
        }
        int[] tokens = columns.sequence().tokens(record, new RowPlace(file.name(), file.line(), index));
        String group = columns.group(record);
        return new Item<>(group, new Sequence(Long.toString(index++), tokens));
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
