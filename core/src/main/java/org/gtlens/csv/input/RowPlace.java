package org.gtlens.csv.input;

import org.gtlens.GtLensException;
import org.gtlens.repr.TokenText;

/**
 * Where a data row stands, as messages name it: the file, its line and the number of the sequence it holds, so a
 * refusal of one cell points to the exact spot to fix.
 *
 * @param file     the file's name
 * @param line     the row's line in the file (the header is line 1)
 * @param sequence the 0-based number of the row's sequence
 */
record RowPlace(String file, long line, long sequence) {

    /** "Input file f.csv line 3, column 'tokens'", the start of a sentence about one cell. */
    String column(String name) {
        return "Input file " + file + " line " + line + ", column '" + name + "'";
    }

    /** The sentence for a cell whose text is not the sequence's tokens. */
    GtLensException badTokens(String name, TokenText.Problem problem) {
        return new GtLensException(column(name) + ": sequence " + sequence + ", " + problem.getMessage() + ".");
    }
}
