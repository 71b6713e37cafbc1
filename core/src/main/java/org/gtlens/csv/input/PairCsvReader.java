package org.gtlens.csv.input;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVRecord;
import org.gtlens.GtLensException;
import org.gtlens.causal.PatchPair;
import org.gtlens.repr.TextTokens;
import org.gtlens.repr.TokenText;

/**
 * Reads the pairs of activation patching from a CSV file: a clean and a corrupted sequence per row, each one column
 * of token text, and optionally the answer and wrong token and a group. Bad cells are refused naming file, line,
 * column and value, as for sequences.
 */
public final class PairCsvReader {

    private PairCsvReader() {
    }

    /**
     * @param answerColumn a column of answer tokens (an empty cell: the clean run's arg-max), or null
     * @param wrongColumn  a column of wrong tokens (an empty cell: the corrupted run's arg-max), or null
     * @param groupColumn  a column whose value groups the pairs, or null
     * @return every pair, numbered from 0 in file order
     */
    public static List<PatchPair> read(Path path, String cleanColumn, String corruptedColumn, String answerColumn,
            String wrongColumn, String groupColumn) throws IOException, GtLensException {
        return read(path, cleanColumn, corruptedColumn, answerColumn, wrongColumn, groupColumn, null);
    }

    /**
     * As {@link #read(Path, String, String, String, String, String)}, the clean and corrupted columns read as text
     * through a model's vocabulary when {@code text} is given (answer and wrong tokens stay ids).
     */
    public static List<PatchPair> read(Path path, String cleanColumn, String corruptedColumn, String answerColumn,
            String wrongColumn, String groupColumn, TextTokens text) throws IOException, GtLensException {
        try (CsvFile file = CsvFile.open(path)) {
            String name = file.name();
            ColumnChoice.checkHeader(name, file.headerLine(), file.headerNames(), cleanColumn, groupColumn);
            int clean = ColumnChoice.index(name, file.header(), file.headerNames(), cleanColumn, "clean column");
            int corrupted = ColumnChoice.index(name, file.header(), file.headerNames(), corruptedColumn,
                    "corrupted column");
            int answer = answerColumn == null ? -1
                    : ColumnChoice.index(name, file.header(), file.headerNames(), answerColumn, "answer column");
            int wrong = wrongColumn == null ? -1
                    : ColumnChoice.index(name, file.header(), file.headerNames(), wrongColumn, "wrong column");
            ColumnChoice groups = ColumnChoice.of(name, file.headerLine(), file.header(), file.headerNames(),
                    cleanColumn, groupColumn);
            SequenceColumns cleanCells = text == null ? new SequenceColumns.TokenList(clean, cleanColumn)
                    : new SequenceColumns.Text(clean, cleanColumn, text);
            SequenceColumns corruptedCells = text == null ? new SequenceColumns.TokenList(corrupted, corruptedColumn)
                    : new SequenceColumns.Text(corrupted, corruptedColumn, text);
            List<PatchPair> pairs = new ArrayList<>();
            for (CSVRecord record = file.next(0, "pair", "pairs"); record != null;
                    record = file.next(pairs.size(), "pair", "pairs")) {
                RowPlace row = new RowPlace(name, file.line(), pairs.size());
                int[] c = cleanCells.tokens(record, row);
                int[] k = corruptedCells.tokens(record, row);
                pairs.add(new PatchPair(Integer.toString(pairs.size()), c, k, token(record, answer, answerColumn, row),
                        token(record, wrong, wrongColumn, row), groups.group(record)));
            }
            return pairs;
        }
    }

    private static Integer token(CSVRecord record, int index, String column, RowPlace row) throws GtLensException {
        if (index < 0 || record.get(index).isBlank()) {
            return null;
        }
        String text = record.get(index).strip();
        try {
            int[] tokens = TokenText.parse(text);
            if (tokens.length == 1) {
                return tokens[0];
            }
        } catch (TokenText.Problem e) {
            // the sentence below
        }
        throw new GtLensException(row.column(column) + ": pair " + row.sequence() + ", '" + CsvFile.shorten(text)
                + "' is not one token id.");
    }
}
