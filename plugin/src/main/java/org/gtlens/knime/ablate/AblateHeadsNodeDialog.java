package org.gtlens.knime.ablate;

import org.gtlens.knime.causal.CausalNodes;
import org.gtlens.knime.dialog.Choice;
import org.gtlens.knime.dialog.DialogComponentChoice;
import org.gtlens.knime.extract.SequenceSettings;
import org.knime.core.data.DataValue;
import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentColumnNameSelection;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.DialogComponentString;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/** Dialog of Ablate Heads, built from the same settings models as the node model. */
final class AblateHeadsNodeDialog extends DefaultNodeSettingsPane {

    @SuppressWarnings("unchecked")
    AblateHeadsNodeDialog() {
        createNewGroup("Sequences");
        SequenceSettings.addTo(this, AblateHeadsNodeModel.TABLE_PORT);
        closeCurrentGroup();
        createNewGroup("Ablation (indices and ranges such as 0,2-3, or last; all = every one)");
        addDialogComponent(new DialogComponentChoice(AblateSettings.createMethodModel(), "Method",
            AblateSettings.METHODS));
        addDialogComponent(new DialogComponentString(CausalNodes.createBlocksModel(), "Blocks"));
        addDialogComponent(new DialogComponentString(CausalNodes.createHeadsModel(), "Heads"));
        closeCurrentGroup();
        createNewGroup("Aggregation");
        SettingsModelString aggregate = CausalNodes.createAggregateModel();
        SettingsModelString group = CausalNodes.createGroupColumnModel();
        addDialogComponent(new DialogComponentChoice(aggregate, "Aggregate", CausalNodes.AGGREGATES));
        addDialogComponent(new DialogComponentColumnNameSelection(group, "Group column (<none>: all rows)",
            AblateHeadsNodeModel.TABLE_PORT, false, true, DataValue.class));
        aggregate.addChangeListener(e -> group.setEnabled(
            CausalNodes.AGGREGATE_MEAN == Choice.of(CausalNodes.AGGREGATES, aggregate.getStringValue())));
        closeCurrentGroup();
        createNewGroup("Execution");
        addDialogComponent(new DialogComponentNumber(CausalNodes.createBatchSizeModel(), "Batch size", 64));
        addDialogComponent(new DialogComponentNumber(CausalNodes.createMemoryModel(), "Memory per batch (MB)", 64));
        closeCurrentGroup();
    }
}
