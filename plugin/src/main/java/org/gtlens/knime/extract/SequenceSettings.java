package org.gtlens.knime.extract;

import java.util.List;

import org.gtlens.knime.dialog.Choice;
import org.gtlens.knime.dialog.DialogComponentChoice;
import org.gtlens.model.ModelInfo;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.StringValue;
import org.knime.core.data.collection.ListDataValue;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentColumnNameSelection;
import org.knime.core.node.defaultnodesettings.DialogComponentString;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/**
 * Where a node's sequences come from, with the same keys, defaults and meaning in every node that reads one sequence
 * per row (Extract Representations, Ablate Heads; Patch Activations shares the mode): token ids in one column or in
 * integer columns, or text read through the model's vocabulary.
 */
public final class SequenceSettings {

    /** @return the sequences' source, one of {@link ExtractChoices#MODES} (token ids in one column by default) */
    public static SettingsModelString createModeModel() {
        return new SettingsModelString("sequence_mode", ExtractChoices.MODE_COLUMN.key());
    }

    /** @return the sequence column; empty takes the first column the mode can read */
    public static SettingsModelString createColumnModel() {
        return new SettingsModelString("sequence_column", "");
    }

    /** @return comma-separated names of the token columns; empty means every integer column, in table order */
    public static SettingsModelString createTokenColumnsModel() {
        SettingsModelString m = new SettingsModelString("token_columns", "");
        m.setEnabled(false); // enabled in integer-columns mode only
        return m;
    }

    /**
     * Adds the dialog components of the three settings to the current group of {@code pane}, the column settings
     * enabled as the chosen mode reads them.
     *
     * @param port the input port of the table of sequences
     */
    @SuppressWarnings("unchecked")
    public static void addTo(final DefaultNodeSettingsPane pane, final int port) {
        SettingsModelString mode = createModeModel();
        SettingsModelString column = createColumnModel();
        SettingsModelString tokenColumns = createTokenColumnsModel();
        pane.addDialogComponent(new DialogComponentChoice(mode, "Sequences from", ExtractChoices.MODES));
        // <none> is the automatic choice (the first column that fits), so that a table whose column is not offered
        // does not get its last column chosen behind the user's back
        pane.addDialogComponent(new DialogComponentColumnNameSelection(column,
            "Sequence column (<none>: the first column that fits)", port, false, true, StringValue.class,
            ListDataValue.class));
        pane.addDialogComponent(new DialogComponentString(tokenColumns,
            "Token columns (comma-separated; empty = all integer columns)"));
        mode.addChangeListener(e -> {
            boolean columns = ExtractChoices.MODE_COLUMNS == Choice.of(ExtractChoices.MODES, mode.getStringValue());
            column.setEnabled(!columns);
            tokenColumns.setEnabled(columns);
        });
    }

    final SettingsModelString m_mode = createModeModel();

    final SettingsModelString m_column = createColumnModel();

    final SettingsModelString m_tokenColumns = createTokenColumnsModel();

    /** @return the mode setting, for a node's lists of settings */
    public SettingsModelString modeModel() {
        return m_mode;
    }

    /** @return the sequence column setting */
    public SettingsModelString columnModel() {
        return m_column;
    }

    /** @return the token columns setting */
    public SettingsModelString tokenColumnsModel() {
        return m_tokenColumns;
    }

    /** @return where the sequences come from: token ids in one column or in several, or text; null if unknown */
    public Choice mode() {
        return Choice.of(ExtractChoices.MODES, m_mode.getStringValue());
    }

    /** @return whether the tokens are in integer columns, one per position */
    public boolean columnsMode() {
        return ExtractChoices.MODE_COLUMNS == mode();
    }

    /** Enables the column settings the mode reads, after loading. */
    public void enableForMode() {
        m_tokenColumns.setEnabled(columnsMode());
        m_column.setEnabled(!columnsMode());
    }

    /** @return the token column names given (trimmed, without empty entries) */
    public List<String> tokenColumns() {
        return SequenceReader.names(m_tokenColumns.getStringValue());
    }

    /**
     * @param spec the input table spec
     * @param info the model, whose vocabulary reads text and whose size checks tokens (null at configure time)
     * @return the reader of these settings
     * @throws InvalidSettingsException naming the missing or unsuitable column
     */
    public SequenceReader reader(final DataTableSpec spec, final ModelInfo info) throws InvalidSettingsException {
        return SequenceReader.create(mode(), m_column.getStringValue(), tokenColumns(), spec, info);
    }
}
