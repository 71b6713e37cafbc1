package org.gtlens.knime.extract;

import java.util.ArrayList;
import java.util.List;

import org.gtlens.knime.dialog.Choice;
import org.gtlens.model.ModelInfo;
import org.gtlens.repr.InputException;
import org.gtlens.repr.PositionCells;
import org.gtlens.repr.SequenceValidator;
import org.gtlens.repr.TextTokens;
import org.gtlens.repr.TokenText;
import org.knime.core.data.BooleanValue;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.LongValue;
import org.knime.core.data.StringValue;
import org.knime.core.data.collection.ListDataValue;
import org.knime.core.data.collection.SetDataValue;
import org.knime.core.node.InvalidSettingsException;

/**
 * Turns one input row into the token ids of a sequence: from a text column of ids ("4,5,5,5,4" or "4 5 5 5 4"), a
 * list column of integers, several integer columns (one per position; missing cells at the end shorten the
 * sequence), or a text column read through the model's vocabulary ("def main():"), as the command line reads them. Every problem is reported as one sentence naming the row ID, and where it applies the position and
 * the value. Shared by the nodes that read sequences (Extract Representations, Ablate Heads, Patch Activations).
 */
public final class SequenceReader {

    /** A row the model cannot take. */
    public static final class BadRowException extends Exception {
        private static final long serialVersionUID = 1L;

        BadRowException(final String message) {
            super(message);
        }
    }

    private final int[] m_columns;

    private final String[] m_names;

    private final boolean m_single;

    private final SequenceValidator m_validator;

    private final TextTokens m_text;

    private SequenceReader(final int[] columns, final String[] names, final boolean single,
        final SequenceValidator validator, final TextTokens text) {
        m_columns = columns;
        m_names = names;
        m_single = single;
        m_validator = validator;
        m_text = text;
    }

    /**
     * Checks the settings against the input spec (configure time).
     *
     * @param mode one of {@link ExtractChoices#MODES}: token ids in one column or in one column per position, or
     *            text read through the model's vocabulary
     * @param column the sequence column (one-column modes); empty takes the first column the mode can read
     * @param tokenColumns the position columns (columns mode); empty takes every integer column in table order
     * @param spec the input table spec
     * @param info the model, whose vocabulary reads text and whose size checks tokens (null: rows are not read,
     *            e.g. at configure time)
     * @return a reader
     * @throws InvalidSettingsException naming the missing or unsuitable column
     */
    public static SequenceReader create(final Choice mode, final String column, final List<String> tokenColumns,
        final DataTableSpec spec, final ModelInfo info) throws InvalidSettingsException {
        SequenceValidator validator = info == null ? null : new SequenceValidator(info);
        boolean text = mode == ExtractChoices.MODE_TEXT;
        if (mode != ExtractChoices.MODE_COLUMNS) {
            String name = column;
            if (name == null || name.isEmpty()) {
                name = guessColumn(mode, spec);
            }
            int i = spec.findColumnIndex(name);
            if (i < 0) {
                throw new InvalidSettingsException("The sequence column '" + name
                    + "' does not exist in the input table; choose another one in the dialog.");
            }
            DataType type = spec.getColumnSpec(i).getType();
            if (type.isCompatible(SetDataValue.class)) {
                throw new InvalidSettingsException("The sequence column '" + name + "' holds sets, which keep each "
                    + "token once and lose their order (4,5,5,5,4 becomes {4,5}); use a list column instead "
                    + "(e.g. Create Collection Column with the type List).");
            }
            if (text && !isTextType(type)) {
                throw new InvalidSettingsException("The sequence column '" + name + "' holds " + type.getName()
                    + "; sequences from text need a text column, or choose token ids as the sequences' source.");
            }
            if (!isSequenceType(type)) {
                throw new InvalidSettingsException("The sequence column '" + name + "' holds " + type.getName()
                    + "; it must hold text such as \"4,5,5,5,4\" or a list of integers.");
            }
            return new SequenceReader(new int[]{i}, new String[]{name}, true, validator,
                text && info != null ? TextTokens.of(info) : null);
        }
        List<String> names = new ArrayList<>(tokenColumns);
        if (names.isEmpty()) {
            for (DataColumnSpec c : spec) {
                if (isIntegerType(c.getType())) {
                    names.add(c.getName());
                }
            }
            if (names.isEmpty()) {
                throw new InvalidSettingsException(
                    "The input table has no integer columns to read tokens from; choose a sequence column instead.");
            }
        }
        int[] idx = new int[names.size()];
        for (int k = 0; k < idx.length; k++) {
            idx[k] = spec.findColumnIndex(names.get(k));
            if (idx[k] < 0) {
                throw new InvalidSettingsException("The token column '" + names.get(k)
                    + "' does not exist in the input table.");
            }
            DataType type = spec.getColumnSpec(idx[k]).getType();
            if (!isIntegerType(type)) {
                throw new InvalidSettingsException("The token column '" + names.get(k) + "' holds " + type.getName()
                    + "; token columns must hold integers (integer or long columns).");
            }
        }
        return new SequenceReader(idx, names.toArray(new String[0]), false, validator, null);
    }

    /**
     * @param text comma-separated column names
     * @return the names (trimmed, without empty entries)
     */
    public static List<String> names(final String text) {
        List<String> names = new ArrayList<>();
        for (String n : (text == null ? "" : text).split(",")) {
            if (!n.isBlank()) {
                names.add(n.trim());
            }
        }
        return names;
    }

    /**
     * @param mode a one-column sequence mode
     * @param spec the input table spec
     * @return the first column the mode can read (text or list; text only for text), for a node dropped without
     *         settings
     * @throws InvalidSettingsException when there is none
     */
    public static String guessColumn(final Choice mode, final DataTableSpec spec) throws InvalidSettingsException {
        for (DataColumnSpec c : spec) {
            if (canHold(mode, c.getType())) {
                return c.getName();
            }
        }
        throw new InvalidSettingsException(mode == ExtractChoices.MODE_TEXT
            ? "The input table has no text column holding sequences; add one (e.g. \"def main():\")."
            : "The input table has no text or list column holding sequences; add one (e.g. \"4,5,5,5,4\").");
    }

    /**
     * @param mode a one-column sequence mode
     * @param type a column type
     * @return whether a column of the type can hold a sequence in that mode
     */
    public static boolean canHold(final Choice mode, final DataType type) {
        return mode == ExtractChoices.MODE_TEXT ? isTextType(type) : isSequenceType(type);
    }

    /** @return whether a column of this type holds text (and is no collection) */
    public static boolean isTextType(final DataType type) {
        return !type.isCollectionType() && type.isCompatible(StringValue.class);
    }

    /**
     * @param type a column type
     * @return whether it holds whole numbers: integer and long columns, not booleans (KNIME's BooleanCell is a
     *         LongValue too, as 0 and 1)
     */
    public static boolean isIntegerType(final DataType type) {
        return type.isCompatible(LongValue.class) && !type.isCompatible(BooleanValue.class);
    }

    /** @return whether a column of this type can hold a sequence: text, or a list (not a set) of integers */
    public static boolean isSequenceType(final DataType type) {
        if (type.isCollectionType()) {
            DataType e = type.getCollectionElementType();
            return type.isCompatible(ListDataValue.class) && (e == null || isIntegerType(e));
        }
        return type.isCompatible(StringValue.class);
    }

    /** @return the name of the single sequence column (single mode) */
    public String columnName() {
        return m_names[0];
    }

    /**
     * @param row an input row
     * @return its tokens, checked against the model
     * @throws BadRowException when the row holds no sequence the model can take
     */
    public int[] read(final DataRow row) throws BadRowException {
        String id = row.getKey().getString();
        int[] tokens = m_single ? readSingle(row, id) : readColumns(row, id);
        if (m_validator != null) {
            try {
                m_validator.check(id, tokens);
            } catch (InputException e) {
                throw new BadRowException("Row " + e.getMessage().replaceFirst("^Sequence ", ""));
            }
        }
        return tokens;
    }

    private int[] readSingle(final DataRow row, final String id) throws BadRowException {
        DataCell cell = row.getCell(m_columns[0]);
        if (cell.isMissing()) {
            throw new BadRowException("Row " + id + " has a missing value in the sequence column '" + m_names[0]
                + "'.");
        }
        if (cell instanceof ListDataValue coll && m_text == null) {
            List<Integer> tokens = new ArrayList<>();
            int pos = 0;
            for (DataCell e : coll) {
                tokens.add(token(e, id, pos++));
            }
            return tokens.stream().mapToInt(Integer::intValue).toArray();
        }
        if (!(cell instanceof StringValue sv)) {
            throw new BadRowException("Row " + id + " holds '" + cell + "' in the sequence column '" + m_names[0]
                + "', which is neither text nor a list of integers.");
        }
        String text = sv.getStringValue();
        if (m_text != null) {
            try {
                return m_text.encode(text); // an empty text is an empty sequence, which the validator names
            } catch (TextTokens.Problem p) {
                throw new BadRowException("Row " + id + " in column '" + m_names[0] + "' " + p.getMessage() + ".");
            }
        }
        if (TokenText.isEmpty(text)) {
            return new int[0]; // the validator names an empty sequence
        }
        try {
            return TokenText.parse(text);
        } catch (TokenText.Problem p) {
            throw new BadRowException("Row " + id + " in column '" + m_names[0] + "': " + p.getMessage() + ".");
        }
    }

    private int[] readColumns(final DataRow row, final String id) throws BadRowException {
        try {
            return PositionCells.read(new PositionCells.Cells<BadRowException>() {
                @Override
                public boolean isEmpty(final int column) {
                    return row.getCell(m_columns[column]).isMissing();
                }

                @Override
                public int token(final int column) throws BadRowException {
                    return SequenceReader.token(row.getCell(m_columns[column]), id, column);
                }
            }, java.util.Arrays.asList(m_names));
        } catch (PositionCells.Gap gap) {
            throw new BadRowException("Row " + id + " " + gap.getMessage() + ".");
        }
    }

    private static int token(final DataCell c, final String id, final int pos) throws BadRowException {
        if (c.isMissing()) {
            throw new BadRowException("Row " + id + " has a missing value at position " + pos + ".");
        }
        if (c instanceof LongValue l && !(c instanceof BooleanValue)) {
            long v = l.getLongValue();
            if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
                throw new BadRowException("Row " + id + " has token " + v + " at position " + pos
                    + ", far outside the vocabulary.");
            }
            return (int)v;
        }
        if (c instanceof StringValue s) {
            try {
                return TokenText.token(s.getStringValue(), pos);
            } catch (TokenText.Problem p) {
                throw new BadRowException("Row " + id + ": " + p.getMessage() + ".");
            }
        }
        throw new BadRowException("Row " + id + " has value '" + c + "' at position " + pos
            + ", which is not an integer token.");
    }
}
