package org.gtlens.knime.heatmap;

import org.gtlens.knime.dialog.DialogComponentChoice;
import org.knime.core.data.DataValue;
import org.knime.core.data.DoubleValue;
import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentColumnNameSelection;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.DialogComponentString;
import org.knime.core.node.defaultnodesettings.DialogComponentStringSelection;

/** Dialog of Heatmap View, built from the same settings models as the node model. */
final class HeatmapNodeDialog extends DefaultNodeSettingsPane {

    @SuppressWarnings("unchecked")
    HeatmapNodeDialog() {
        createNewGroup("What to draw");
        addDialogComponent(new DialogComponentChoice(HeatmapSettings.createKindModel(), "Kind",
            HeatmapChoices.KINDS));
        addDialogComponent(new DialogComponentString(HeatmapSettings.createSourceRowModel(),
            "Source row ID (empty = mean over all rows)"));
        addDialogComponent(new DialogComponentString(HeatmapSettings.createBlocksModel(),
            "Blocks (e.g. 0,10-11,last; all)"));
        addDialogComponent(new DialogComponentString(HeatmapSettings.createHeadsModel(), "Heads (e.g. 0,7; all)"));
        addDialogComponent(new DialogComponentString(HeatmapSettings.createPositionsModel(),
            "Positions (matrix rows, e.g. last; all)"));
        closeCurrentGroup();
        createNewGroup("Columns");
        addDialogComponent(new DialogComponentColumnNameSelection(HeatmapSettings.createFacetRowsModel(),
            "Panel rows by", 0, false, true, DataValue.class));
        addDialogComponent(new DialogComponentColumnNameSelection(HeatmapSettings.createFacetColumnsModel(),
            "Panel columns by", 0, false, true, DataValue.class));
        // <none> takes the column from the table (also a summary's or a matrix layout's), so that a table whose
        // columns are not offered never gets other columns chosen behind the user's back
        addDialogComponent(new DialogComponentColumnNameSelection(HeatmapSettings.createRowColumnModel(),
            "Matrix row (<none>: from the table)", 0, false, true, DoubleValue.class));
        addDialogComponent(new DialogComponentColumnNameSelection(HeatmapSettings.createColumnColumnModel(),
            "Matrix column (<none>: from the table)", 0, false, true, DoubleValue.class));
        addDialogComponent(new DialogComponentColumnNameSelection(HeatmapSettings.createValueColumnModel(),
            "Value (<none>: from the table)", 0, false, true, DoubleValue.class));
        closeCurrentGroup();
        createNewGroup("Appearance");
        addDialogComponent(new DialogComponentChoice(HeatmapSettings.createColorScaleModel(),
            "Colour scale", HeatmapChoices.SCALES));
        addDialogComponent(new DialogComponentChoice(HeatmapSettings.createValueScaleModel(), "Value scale",
            HeatmapChoices.VALUE_SCALES));
        addDialogComponent(new DialogComponentChoice(HeatmapSettings.createValueLabelsModel(),
            "Value labels", HeatmapChoices.LABELS));
        addDialogComponent(new DialogComponentChoice(HeatmapSettings.createRangeModel(), "Colour range",
            HeatmapChoices.RANGES));
        addDialogComponent(new DialogComponentNumber(HeatmapSettings.createWidthModel(), "Image width", 50));
        addDialogComponent(new DialogComponentNumber(HeatmapSettings.createHeightModel(), "Image height", 50));
        addDialogComponent(new DialogComponentStringSelection(HeatmapSettings.createFormatModel(), "Image format",
            HeatmapSettings.FORMAT_PNG));
        addDialogComponent(new DialogComponentNumber(HeatmapSettings.createPortPixelsModel(),
            "Most pixels of the image port (larger images are scaled down)", 100_000));
        closeCurrentGroup();
    }
}
