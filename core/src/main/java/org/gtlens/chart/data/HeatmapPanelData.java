package org.gtlens.chart.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.gtlens.repr.Matrix;

/**
 * One heatmap of a figure: a matrix with the names of its rows and columns and a title such as
 * "Block 0 · Head 1". It knows nothing of models, so any matrix can be drawn (e.g. a KNIME table faceted by class).
 *
 * @param title     shown above the heatmap and in tooltips
 * @param values    the matrix; row 0 is drawn on top unless the options flip it
 * @param rowLabels one label per row
 * @param colLabels one label per column
 */
public record HeatmapPanelData(String title, Matrix values, List<String> rowLabels, List<String> colLabels) {

    public HeatmapPanelData {
        Objects.requireNonNull(values, "values");
        title = title == null ? "" : title;
        rowLabels = rowLabels == null ? indices(values.rows()) : List.copyOf(rowLabels);
        colLabels = colLabels == null ? indices(values.cols()) : List.copyOf(colLabels);
        if (rowLabels.size() != values.rows()) {
            throw new IllegalArgumentException(
                    "panel '" + title + "' has " + rowLabels.size() + " row labels for " + values.rows() + " rows");
        }
        if (colLabels.size() != values.cols()) {
            throw new IllegalArgumentException("panel '" + title + "' has " + colLabels.size() + " column labels for "
                    + values.cols() + " columns");
        }
    }

    /** A panel over a copy of the matrix, so that the figure does not keep a whole batch tensor alive. */
    public static HeatmapPanelData of(String title, Matrix values, String[] rowLabels, String[] colLabels) {
        return new HeatmapPanelData(title, Matrix.of(values.rows(), values.cols(), values.toArray()),
                rowLabels == null ? null : List.of(rowLabels), colLabels == null ? null : List.of(colLabels));
    }

    /** A panel over rectangular {@code values[row][col]} (copied); null labels mean "0", "1", ... */
    public static HeatmapPanelData of(String title, float[][] values, String[] rowLabels, String[] colLabels) {
        int rows = values.length;
        int cols = rows == 0 ? 0 : values[0].length;
        float[] flat = new float[rows * cols];
        for (int r = 0; r < rows; r++) {
            if (values[r].length != cols) {
                throw new IllegalArgumentException("row " + r + " has " + values[r].length + " values, row 0 has " + cols);
            }
            System.arraycopy(values[r], 0, flat, r * cols, cols);
        }
        return new HeatmapPanelData(title, Matrix.of(rows, cols, flat), rowLabels == null ? null : List.of(rowLabels),
                colLabels == null ? null : List.of(colLabels));
    }

    public int rows() {
        return values.rows();
    }

    public int cols() {
        return values.cols();
    }

    public float value(int row, int col) {
        return values.get(row, col);
    }

    private static List<String> indices(int n) {
        List<String> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(Integer.toString(i));
        }
        return List.copyOf(list);
    }
}
