package org.gtlens.knime.patch;

import org.gtlens.knime.causal.CausalNodes;
import org.gtlens.knime.dialog.Choice;
import org.gtlens.knime.dialog.DialogComponentChoice;
import org.gtlens.knime.extract.ExtractChoices;
import org.gtlens.knime.extract.SequenceSettings;
import org.knime.core.data.DataValue;
import org.knime.core.data.IntValue;
import org.knime.core.data.LongValue;
import org.knime.core.data.StringValue;
import org.knime.core.data.collection.ListDataValue;
import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentColumnNameSelection;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.DialogComponentString;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/** Dialog of Patch Activations, built from the same settings models as the node model. */
final class PatchActivationsNodeDialog extends DefaultNodeSettingsPane {

    @SuppressWarnings("unchecked")
    PatchActivationsNodeDialog() {
        int port = PatchActivationsNodeModel.TABLE_PORT;
        createNewGroup("Pairs");
        addDialogComponent(new DialogComponentChoice(SequenceSettings.createModeModel(), "Sequences from",
            ExtractChoices.PAIR_MODES));
        addDialogComponent(new DialogComponentColumnNameSelection(PatchSettings.createCleanColumnModel(),
            "Clean column (<none>: the first column that fits)", port, false, true, StringValue.class,
            ListDataValue.class));
        addDialogComponent(new DialogComponentColumnNameSelection(PatchSettings.createCorruptedColumnModel(),
            "Corrupted column (<none>: the next column that fits)", port, false, true, StringValue.class,
            ListDataValue.class));
        addDialogComponent(new DialogComponentColumnNameSelection(PatchSettings.createAnswerColumnModel(),
            "Answer column (<none>: the clean run's most probable token)", port, false, true, IntValue.class,
            LongValue.class));
        addDialogComponent(new DialogComponentColumnNameSelection(PatchSettings.createWrongColumnModel(),
            "Wrong column (<none>: the corrupted run's most probable token)", port, false, true, IntValue.class,
            LongValue.class));
        closeCurrentGroup();
        createNewGroup("Sites (indices and ranges such as 0,2-3, or last; all = every one)");
        addDialogComponent(new DialogComponentChoice(PatchSettings.createSitesModel(), "Sites", PatchSettings.SITES));
        addDialogComponent(new DialogComponentString(CausalNodes.createBlocksModel(), "Blocks"));
        addDialogComponent(new DialogComponentString(CausalNodes.createHeadsModel(), "Heads"));
        addDialogComponent(new DialogComponentString(PatchSettings.createPositionsModel(), "Positions"));
        closeCurrentGroup();
        createNewGroup("Aggregation");
        SettingsModelString aggregate = CausalNodes.createAggregateModel();
        SettingsModelString group = CausalNodes.createGroupColumnModel();
        addDialogComponent(new DialogComponentChoice(aggregate, "Aggregate", CausalNodes.AGGREGATES));
        addDialogComponent(new DialogComponentColumnNameSelection(group, "Group column (<none>: all pairs)", port,
            false, true, DataValue.class));
        aggregate.addChangeListener(e -> group.setEnabled(
            CausalNodes.AGGREGATE_MEAN == Choice.of(CausalNodes.AGGREGATES, aggregate.getStringValue())));
        closeCurrentGroup();
        createNewGroup("Execution");
        addDialogComponent(new DialogComponentNumber(CausalNodes.createBatchSizeModel(), "Batch size", 64));
        addDialogComponent(new DialogComponentNumber(CausalNodes.createMemoryModel(), "Memory per batch (MB)", 64));
        closeCurrentGroup();
    }
}
