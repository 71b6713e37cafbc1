package org.gtlens.knime.extract;

import org.gtlens.knime.dialog.Choice;
import org.gtlens.knime.dialog.DialogComponentChoice;
import org.gtlens.model.Kind;
import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentBoolean;
import org.knime.core.node.defaultnodesettings.DialogComponentColumnNameSelection;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.DialogComponentString;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/** Dialog of Extract Representations, built from the same settings models as the node model. */
final class ExtractRepresentationsNodeDialog extends DefaultNodeSettingsPane {

    @SuppressWarnings("unchecked")
    ExtractRepresentationsNodeDialog() {
        createNewGroup("Sequences");
        SequenceSettings.addTo(this, ExtractRepresentationsNodeModel.TABLE_PORT);
        closeCurrentGroup();
        createNewGroup("Representations");
        for (Kind k : Kind.values()) {
            SettingsModelBoolean m = ExtractSettings.createKindModel(k);
            addDialogComponent(new DialogComponentBoolean(m, k.contractName()));
        }
        addDialogComponent(new DialogComponentChoice(ExtractSettings.createLayoutModel(), "Layout",
            ExtractChoices.LAYOUTS));
        closeCurrentGroup();
        createNewGroup("Selection (indices and ranges such as 0,10-11, or last; empty or all = everything)");
        addDialogComponent(new DialogComponentString(ExtractSettings.createBlocksModel(), "Blocks"));
        addDialogComponent(new DialogComponentString(ExtractSettings.createHeadsModel(), "Heads"));
        addDialogComponent(new DialogComponentString(ExtractSettings.createPositionsModel(),
            "Positions (matrix rows)"));
        addDialogComponent(new DialogComponentNumber(ExtractSettings.createTopKModel(),
            "Top-k tokens of logprobs (0 = all)", 1));
        addDialogComponent(new DialogComponentBoolean(ExtractSettings.createKeepMaskedModel(),
            "Keep attention cells the causal mask makes 0"));
        closeCurrentGroup();
        createNewGroup("Dataset analysis");
        SettingsModelString aggregate = ExtractSettings.createAggregateModel();
        SettingsModelString group = ExtractSettings.createGroupColumnModel();
        addDialogComponent(new DialogComponentChoice(aggregate, "Aggregate", ExtractChoices.AGGREGATES));
        addDialogComponent(new DialogComponentColumnNameSelection(group, "Group column",
            ExtractRepresentationsNodeModel.TABLE_PORT, false, org.knime.core.data.DataValue.class));
        aggregate.addChangeListener(e -> group.setEnabled(
            ExtractChoices.AGGREGATE_GROUP == Choice.of(ExtractChoices.AGGREGATES, aggregate.getStringValue())));
        addDialogComponent(new DialogComponentChoice(ExtractSettings.createSecondOutputModel(), "Second output",
            ExtractChoices.OUTPUTS));
        closeCurrentGroup();
        createNewGroup("Execution");
        addDialogComponent(new DialogComponentNumber(ExtractSettings.createBatchSizeModel(), "Batch size", 64));
        addDialogComponent(new DialogComponentNumber(ExtractSettings.createMemoryModel(), "Memory per batch (MB)",
            64));
        addDialogComponent(new DialogComponentChoice(ExtractSettings.createBadRowPolicyModel(), "On a bad row",
            ExtractChoices.POLICIES));
        closeCurrentGroup();
    }
}
