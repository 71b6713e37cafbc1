package org.gtlens.chart.layout;

import static org.gtlens.chart.layout.FigureLayout.MIN_AUTO_LABEL_FONT;
import static org.gtlens.chart.layout.FigureLayout.MIN_LABEL_FONT;

import java.awt.Font;
import java.util.List;

import org.gtlens.chart.color.ColorMapping;
import org.gtlens.chart.color.ColorScale;
import org.gtlens.chart.color.NiceTicks;
import org.gtlens.chart.color.ValueFormat;
import org.gtlens.chart.data.HeatmapGrid;
import org.gtlens.chart.data.HeatmapPanelData;
import org.gtlens.chart.options.ChartOptions;

/**
 * The text of a figure measured once: tick label widths, which panels draw their row and column labels, panel title
 * widths, the widest value label, the legends' labels, and the smallest cells JFreeChart still draws; none of it
 * depends on the cell size the solver tries.
 */
final class TextMeasure {
    final HeatmapGrid grid;
    final ChartOptions options;
    final ColorMapping mapping;
    final Fonts fonts;
    final int rows;
    final int cols;
    final int[] maxRows;
    final int[] maxCols;
    final int totalRows;
    final int totalCols;
    final boolean[][] drawY;
    final boolean[][] drawX;
    final double[][] rowLabelW;
    final double[][] colLabelW;
    final double[] colTitleW;
    final double tickH;
    final double panelTitleH;
    final double axisH;
    final String[] widestValues;
    /**
     * Smallest cell sides that keep every panel above JFreeChart's 10-pixel minimum plot size (below it, XYPlot
     * draws nothing and the panel would come out blank).
     */
    final int minCellW;
    final int minCellH;

    TextMeasure(HeatmapGrid grid, ChartOptions options, ColorMapping mapping, Fonts fonts) {
        this.grid = grid;
        this.options = options;
        this.mapping = mapping;
        this.fonts = fonts;
        rows = grid.gridRows();
        cols = grid.gridCols();
        maxRows = new int[rows];
        maxCols = new int[cols];
        drawY = new boolean[rows][cols];
        drawX = new boolean[rows][cols];
        rowLabelW = new double[rows][cols];
        colLabelW = new double[rows][cols];
        colTitleW = new double[cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                HeatmapPanelData p = grid.panel(r, c);
                if (p == null) {
                    continue;
                }
                maxRows[r] = Math.max(maxRows[r], p.rows());
                maxCols[c] = Math.max(maxCols[c], p.cols());
                HeatmapPanelData left = c > 0 ? grid.panel(r, c - 1) : null;
                HeatmapPanelData below = r + 1 < rows ? grid.panel(r + 1, c) : null;
                drawY[r][c] = left == null || !left.rowLabels().equals(p.rowLabels());
                drawX[r][c] = below == null || !below.colLabels().equals(p.colLabels());
                if (drawY[r][c]) {
                    rowLabelW[r][c] = Fonts.maxWidth(fonts.tick, TickLabels.of(p.rowLabels()));
                }
                if (drawX[r][c]) {
                    colLabelW[r][c] = Fonts.maxWidth(fonts.tick, TickLabels.of(p.colLabels()));
                }
                colTitleW[c] = Math.max(colTitleW[c], Fonts.width(fonts.panelTitle, p.title()));
            }
        }
        int fewestRows = Integer.MAX_VALUE;
        int fewestCols = Integer.MAX_VALUE;
        for (HeatmapPanelData p : grid.all()) {
            fewestRows = Math.min(fewestRows, Math.max(1, p.rows()));
            fewestCols = Math.min(fewestCols, Math.max(1, p.cols()));
        }
        minCellH = fewestRows == Integer.MAX_VALUE ? 1 : (int) Math.ceil(11.0 / fewestRows);
        minCellW = fewestCols == Integer.MAX_VALUE ? 1 : (int) Math.ceil(11.0 / fewestCols);
        int tr = 0;
        for (int v : maxRows) {
            tr += v;
        }
        int tc = 0;
        for (int v : maxCols) {
            tc += v;
        }
        totalRows = tr;
        totalCols = tc;
        tickH = Fonts.height(fonts.tick);
        panelTitleH = Fonts.height(fonts.panelTitle);
        axisH = Fonts.height(fonts.axis);
        double lo = Double.isFinite(mapping.min()) ? mapping.min() : 0;
        double hi = Double.isFinite(mapping.max()) ? mapping.max() : 0;
        widestValues = new String[] {ValueFormat.format(lo, mapping.decimals()),
            ValueFormat.format(hi, mapping.decimals()), ValueFormat.format(-Math.abs(hi), mapping.decimals())};
    }

    double valueWidth(Font f) {
        double w = 0;
        for (String s : widestValues) {
            w = Math.max(w, Fonts.width(f, s));
        }
        return w;
    }

    /** A cell that holds the widest value label at the default label size, with air around it. */
    int preferredCell() {
        if (options.valueLabels() == ChartOptions.LabelMode.OFF) {
            return 24;
        }
        Font f = Fonts.plain(fonts.base * 0.9f);
        return (int) Math.max(26, Math.ceil(Math.max(valueWidth(f) + 12, Fonts.height(f) + 12)));
    }

    /** The largest label font that fits a cell, or null when value labels are off there. */
    Font valueFont(int cellW, int cellH) {
        ChartOptions.LabelMode mode = options.valueLabels();
        if (mode == ChartOptions.LabelMode.OFF) {
            return null;
        }
        float min = mode == ChartOptions.LabelMode.AUTO ? MIN_AUTO_LABEL_FONT : MIN_LABEL_FONT;
        for (float size = fonts.base * 0.9f; size >= min; size -= 0.5f) {
            Font f = Fonts.plain(size);
            if (valueWidth(f) + 4 <= cellW && Fonts.height(f) + 2 <= cellH) {
                return f;
            }
        }
        return null;
    }

    List<Double> legendTicks(ColorScale scale, int barHeight) {
        int target = Math.max(2, Math.min(6, barHeight / 36));
        return NiceTicks.ticks(scale.lo(), scale.hi(), target);
    }

    double legendLabelWidth(List<Double> ticks, ColorScale scale) {
        int d = NiceTicks.decimals(ticks.size() > 1 ? ticks.get(1) - ticks.get(0) : scale.hi() - scale.lo());
        // The legend's own title (which scale) runs upwards beside the numbers.
        double w = mapping.legendLabel().isEmpty() ? 0 : axisH + 4;
        if (scale.log()) {
            for (double t = Math.floor(Math.log10(scale.lo())); t <= Math.ceil(Math.log10(scale.hi())); t++) {
                w = Math.max(w, Fonts.width(fonts.legend, ValueFormat.power(t)) + (w > 0 ? axisH + 4 : 0));
            }
            return w;
        }
        double labels = 0;
        for (double t : ticks) {
            labels = Math.max(labels, Fonts.width(fonts.legend, ValueFormat.format(t, d)));
        }
        return w + labels;
    }
}
