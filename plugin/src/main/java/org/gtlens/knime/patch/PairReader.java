package org.gtlens.knime.patch;

import java.util.List;

import org.gtlens.causal.PatchPair;
import org.gtlens.knime.causal.CausalNodes;
import org.gtlens.knime.dialog.Choice;
import org.gtlens.knime.extract.ExtractChoices;
import org.gtlens.knime.extract.SequenceReader;
import org.gtlens.model.ModelInfo;
import org.knime.core.data.BooleanValue;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.LongValue;
import org.knime.core.node.InvalidSettingsException;

/**
 * Turns one input row into a pair of activation patching, named by its row ID: a clean and a corrupted sequence
 * (each a column of token ids or of text, read as Extract Representations reads a sequence), optionally the answer and the
 * wrong token (integer columns; a missing cell means the default, the most probable token) and the group. The core
 * checks the tokens against the model and the lengths, naming the pair.
 */
final class PairReader {

    private final SequenceReader m_clean;

    private final SequenceReader m_corrupted;

    private final int m_answer;

    private final int m_wrong;

    private final int m_group;

    private PairReader(final SequenceReader clean, final SequenceReader corrupted, final int answer, final int wrong,
        final int group) {
        m_clean = clean;
        m_corrupted = corrupted;
        m_answer = answer;
        m_wrong = wrong;
        m_group = group;
    }

    /**
     * @param settings the node's settings
     * @param spec the input spec
     * @param info the model, whose vocabulary reads text and whose size checks tokens (null at configure time)
     * @return a reader
     * @throws InvalidSettingsException naming a missing or unsuitable column
     */
    static PairReader create(final PatchSettings settings, final DataTableSpec spec, final ModelInfo info)
        throws InvalidSettingsException {
        Choice mode = settings.mode();
        String clean = PatchSettings.column(settings.m_clean);
        String corrupted = PatchSettings.column(settings.m_corrupted);
        List<String> found = sequenceColumns(mode, spec);
        if (clean == null) {
            clean = found.stream().filter(n -> !n.equals(PatchSettings.column(settings.m_corrupted))).findFirst()
                .orElse(null);
        }
        String chosenClean = clean;
        if (corrupted == null) {
            corrupted = found.stream().filter(n -> !n.equals(chosenClean)).findFirst().orElse(null);
        }
        if (clean == null || corrupted == null) {
            throw new InvalidSettingsException("The input table needs a clean and a corrupted sequence column ("
                + (mode == ExtractChoices.MODE_TEXT ? "text read through the model's vocabulary"
                    : "text such as \"4,5,5,5,4\" or lists of integers")
                + "); choose them in the dialog.");
        }
        return new PairReader(SequenceReader.create(mode, clean, List.of(), spec, info),
            SequenceReader.create(mode, corrupted, List.of(), spec, info),
            tokenColumn(spec, PatchSettings.column(settings.m_answer), "answer column"),
            tokenColumn(spec, PatchSettings.column(settings.m_wrong), "wrong column"),
            CausalNodes.optionalColumn(spec, settings.groupColumn(), "group column"));
    }

    private static List<String> sequenceColumns(final Choice mode, final DataTableSpec spec) {
        return spec.stream().filter(c -> SequenceReader.canHold(mode, c.getType())).map(DataColumnSpec::getName)
            .toList();
    }

    private static int tokenColumn(final DataTableSpec spec, final String name, final String role)
        throws InvalidSettingsException {
        int i = CausalNodes.optionalColumn(spec, name, role);
        if (i >= 0) {
            DataType type = spec.getColumnSpec(i).getType();
            if (!SequenceReader.isIntegerType(type)) {
                throw new InvalidSettingsException("The " + role + " '" + name + "' holds " + type.getName()
                    + "; it must hold token ids (an integer or long column).");
            }
        }
        return i;
    }

    /** @return the pair of a row, named by its row ID */
    PatchPair read(final DataRow row) throws SequenceReader.BadRowException {
        String id = row.getKey().getString();
        return new PatchPair(id, m_clean.read(row), m_corrupted.read(row), token(row, m_answer),
            token(row, m_wrong), m_group < 0 ? null : CausalNodes.group(row, m_group));
    }

    private static Integer token(final DataRow row, final int column) {
        if (column < 0) {
            return null;
        }
        DataCell c = row.getCell(column);
        if (c.isMissing() || !(c instanceof LongValue l) || c instanceof BooleanValue) {
            return null;
        }
        long v = l.getLongValue();
        return (int)Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, v)); // the core names one outside
    }
}
