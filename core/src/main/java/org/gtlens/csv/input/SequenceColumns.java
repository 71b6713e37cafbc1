package org.gtlens.csv.input;

import java.util.List;

import org.apache.commons.csv.CSVRecord;
import org.gtlens.GtLensException;
import org.gtlens.repr.PositionCells;
import org.gtlens.repr.TokenText;

/**
 * The columns of a row that hold its sequence, in one of the two layouts a CSV file may have: one column of token
 * text, or one column per position, which is read by the one rule for position columns ({@link PositionCells}) that
 * the KNIME node follows too.
 */
sealed interface SequenceColumns permits SequenceColumns.TokenList, SequenceColumns.Positions {

    /** The tokens of a row whose field count matches the header. */
    int[] tokens(CSVRecord record, RowPlace row) throws GtLensException;

    /** One column holding the whole sequence as token text, such as "4,5,5,5,4" or "4 5 5 5 4". */
    record TokenList(int index, String name) implements SequenceColumns {

        @Override
        public int[] tokens(CSVRecord record, RowPlace row) throws GtLensException {
            String text = cell(record, index, name, row);
            if (TokenText.isEmpty(text)) {
                throw new GtLensException(row.column(name) + " is empty: sequence " + row.sequence()
                        + " has no tokens.");
            }
            try {
                return TokenText.parse(text);
            } catch (TokenText.Problem p) {
                throw row.badTokens(name, p);
            }
        }
    }

    /**
     * One column per position, one integer token in each.
     *
     * @param indices the columns' indices in the row, in position order
     * @param names   the columns' names, in the same order
     */
    record Positions(List<Integer> indices, List<String> names) implements SequenceColumns {

        public Positions {
            indices = List.copyOf(indices);
            names = List.copyOf(names);
        }

        @Override
        public int[] tokens(CSVRecord record, RowPlace row) throws GtLensException {
            try {
                return PositionCells.read(new PositionCells.Cells<GtLensException>() {
                    @Override
                    public boolean isEmpty(int column) {
                        int i = indices.get(column);
                        return i >= record.size() || record.get(i).isBlank();
                    }

                    @Override
                    public int token(int column) throws GtLensException {
                        String name = names.get(column);
                        String text = cell(record, indices.get(column), name, row).trim();
                        try {
                            return TokenText.token(text, column);
                        } catch (TokenText.Problem p) {
                            throw row.badTokens(name, p);
                        }
                    }
                }, names);
            } catch (PositionCells.Gap gap) {
                throw new GtLensException("Input file " + row.file() + " line " + row.line() + " (sequence "
                        + row.sequence() + ") " + gap.getMessage() + ".");
            }
        }
    }

    private static String cell(CSVRecord record, int index, String name, RowPlace row) throws GtLensException {
        if (index >= record.size()) {
            throw new GtLensException(row.column(name) + " is missing: the row has only " + record.size()
                    + " fields.");
        }
        return record.get(index);
    }
}
