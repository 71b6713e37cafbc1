package org.gtlens.chart.tables;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import org.gtlens.chart.data.HeatmapPanelData;

/**
 * The cells of one panel while rows arrive: values that land on the same cell are averaged. Memory grows with the
 * number of distinct cells, not with the rows.
 */
final class PanelCells {

    private final Map<Long, double[]> cells = new HashMap<>();
    private final Map<Integer, String> rowLabels = new HashMap<>();
    private final Map<Integer, String> colLabels = new HashMap<>();
    private int rows;
    private int cols;

    void add(int row, int col, double value, String rowLabel, String colLabel) {
        double[] acc = cells.computeIfAbsent(((long) row << 32) | col, k -> new double[2]);
        acc[0] += value;
        acc[1]++;
        rows = Math.max(rows, row + 1);
        cols = Math.max(cols, col + 1);
        if (rowLabel != null) {
            rowLabels.putIfAbsent(row, rowLabel);
        }
        if (colLabel != null) {
            colLabels.putIfAbsent(col, colLabel);
        }
    }

    /** The panel, its columns beyond {@code maxCols} left out. */
    HeatmapPanelData panel(String title, int maxCols) {
        int cols = Math.min(this.cols, maxCols);
        float[][] values = new float[rows][cols];
        for (float[] row : values) {
            Arrays.fill(row, Float.NaN); // cells no row falls on have no value (drawn grey), not 0
        }
        for (Map.Entry<Long, double[]> e : cells.entrySet()) {
            int r = (int) (e.getKey() >>> 32);
            int c = (int) (e.getKey() & 0xffffffffL);
            if (c < cols) {
                values[r][c] = (float) (e.getValue()[0] / e.getValue()[1]);
            }
        }
        String[] rl = new String[rows];
        for (int r = 0; r < rl.length; r++) {
            rl[r] = rowLabels.getOrDefault(r, Integer.toString(r));
        }
        String[] cl = new String[cols];
        for (int c = 0; c < cl.length; c++) {
            cl[c] = colLabels.getOrDefault(c, Integer.toString(c));
        }
        return HeatmapPanelData.of(title, values, rl, cl);
    }
}
