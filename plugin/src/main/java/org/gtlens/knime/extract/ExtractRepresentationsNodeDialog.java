package org.gtlens.knime.extract;

import org.gtlens.model.Kind;
import org.knime.core.data.StringValue;
import org.knime.core.data.collection.CollectionDataValue;
import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentBoolean;
import org.knime.core.node.defaultnodesettings.DialogComponentColumnNameSelection;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.DialogComponentString;
import org.knime.core.node.defaultnodesettings.DialogComponentStringSelection;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/** Dialog of Extract Representations, built from the same settings models as the node model. */
final class ExtractRepresentationsNodeDialog extends DefaultNodeSettingsPane {

    @SuppressWarnings("unchecked")
    ExtractRepresentationsNodeDialog() {
        SettingsModelString mode = ExtractSettings.createSequenceModeModel();
        SettingsModelString column = ExtractSettings.createSequenceColumnModel();
        SettingsModelString tokenColumns = ExtractSettings.createTokenColumnsModel();
        createNewGroup("Sequences");
        addDialogComponent(new DialogComponentStringSelection(mode, "Sequences from",
            ExtractSettings.MODE_COLUMN, ExtractSettings.MODE_COLUMNS));
        addDialogComponent(new DialogComponentColumnNameSelection(column, "Sequence column",
            ExtractRepresentationsNodeModel.TABLE_PORT, false, StringValue.class, CollectionDataValue.class));
        addDialogComponent(new DialogComponentString(tokenColumns,
            "Token columns (comma-separated; empty = all integer columns)"));
        closeCurrentGroup();
        mode.addChangeListener(e -> {
            boolean columns = ExtractSettings.MODE_COLUMNS.equals(mode.getStringValue());
            column.setEnabled(!columns);
            tokenColumns.setEnabled(columns);
        });
        tokenColumns.setEnabled(false);
        createNewGroup("Representations");
        for (Kind k : Kind.values()) {
            SettingsModelBoolean m = ExtractSettings.createKindModel(k);
            addDialogComponent(new DialogComponentBoolean(m, k.contractName()));
        }
        addDialogComponent(new DialogComponentStringSelection(ExtractSettings.createLayoutModel(), "Layout",
            ExtractSettings.LAYOUT_LONG, ExtractSettings.LAYOUT_MATRIX));
        closeCurrentGroup();
        createNewGroup("Execution");
        addDialogComponent(new DialogComponentNumber(ExtractSettings.createBatchSizeModel(), "Batch size", 64));
        addDialogComponent(new DialogComponentStringSelection(ExtractSettings.createBadRowPolicyModel(),
            "On a bad row", ExtractSettings.POLICY_FAIL, ExtractSettings.POLICY_SKIP));
        closeCurrentGroup();
    }
}
