package org.gtlens.chart.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A figure: a grid of heatmaps (e.g. blocks as rows and heads as columns, or one row of blocks) under one title,
 * with one title for the row axis and one for the column axis of every matrix. Empty slots are allowed (null), so
 * that a table faceted by two columns with missing combinations still lines up.
 *
 * @param title         figure title, drawn in full above the grid (wrapped if long)
 * @param panels        rows of panels; shorter rows are padded with empty slots
 * @param rowAxisTitle  what the matrix rows are, e.g. "Out-Position i" (may be empty)
 * @param colAxisTitle  what the matrix columns are, e.g. "In-Position j" (may be empty)
 */
public record HeatmapGrid(String title, List<List<HeatmapPanelData>> panels, String rowAxisTitle,
        String colAxisTitle) {

    public HeatmapGrid {
        title = title == null ? "" : title;
        rowAxisTitle = rowAxisTitle == null ? "" : rowAxisTitle;
        colAxisTitle = colAxisTitle == null ? "" : colAxisTitle;
        int width = 0;
        for (List<HeatmapPanelData> row : panels) {
            width = Math.max(width, row.size());
        }
        List<List<HeatmapPanelData>> rows = new ArrayList<>();
        for (List<HeatmapPanelData> row : panels) {
            List<HeatmapPanelData> padded = new ArrayList<>(row);
            while (padded.size() < width) {
                padded.add(null);
            }
            rows.add(Collections.unmodifiableList(padded));
        }
        panels = Collections.unmodifiableList(rows);
    }

    /** A grid from a rectangular array of panels ({@code panels[gridRow][gridCol]}, nulls allowed). */
    public static HeatmapGrid of(String title, HeatmapPanelData[][] panels, String rowAxisTitle, String colAxisTitle) {
        List<List<HeatmapPanelData>> rows = new ArrayList<>();
        for (HeatmapPanelData[] row : panels) {
            rows.add(java.util.Arrays.asList(row.clone()));
        }
        return new HeatmapGrid(title, rows, rowAxisTitle, colAxisTitle);
    }

    /** Panels laid out row by row, {@code columns} per grid row (a facet wrap). */
    public static HeatmapGrid wrap(String title, List<HeatmapPanelData> panels, int columns, String rowAxisTitle,
            String colAxisTitle) {
        if (columns < 1) {
            throw new IllegalArgumentException("columns must be at least 1, got " + columns);
        }
        List<List<HeatmapPanelData>> rows = new ArrayList<>();
        for (int i = 0; i < panels.size(); i += columns) {
            rows.add(new ArrayList<>(panels.subList(i, Math.min(panels.size(), i + columns))));
        }
        return new HeatmapGrid(title, rows, rowAxisTitle, colAxisTitle);
    }

    /** Rows of the panel grid. */
    public int gridRows() {
        return panels.size();
    }

    /** Columns of the panel grid. */
    public int gridCols() {
        return panels.isEmpty() ? 0 : panels.get(0).size();
    }

    /** The panel at a grid position, or null for an empty slot. */
    public HeatmapPanelData panel(int gridRow, int gridCol) {
        return panels.get(gridRow).get(gridCol);
    }

    /** Every panel, row by row, without the empty slots. */
    public List<HeatmapPanelData> all() {
        List<HeatmapPanelData> list = new ArrayList<>();
        for (List<HeatmapPanelData> row : panels) {
            for (HeatmapPanelData p : row) {
                if (p != null) {
                    list.add(p);
                }
            }
        }
        return list;
    }
}
