package org.gtlens.chart.layout;

import static org.gtlens.chart.layout.FigureLayout.AUTO_MAX_HEIGHT;
import static org.gtlens.chart.layout.FigureLayout.AUTO_MAX_WIDTH;
import static org.gtlens.chart.layout.FigureLayout.HGAP;
import static org.gtlens.chart.layout.FigureLayout.LABELLED_MAX_SIDE;
import static org.gtlens.chart.layout.FigureLayout.LEGEND_BAR;
import static org.gtlens.chart.layout.FigureLayout.LEGEND_GAP;
import static org.gtlens.chart.layout.FigureLayout.MARGIN;
import static org.gtlens.chart.layout.FigureLayout.TICK_GAP;
import static org.gtlens.chart.layout.FigureLayout.TICK_LEN;
import static org.gtlens.chart.layout.FigureLayout.VGAP;

import java.awt.Font;
import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;

import org.gtlens.chart.color.ColorMapping;
import org.gtlens.chart.color.ColorScale;
import org.gtlens.chart.data.HeatmapGrid;
import org.gtlens.chart.data.HeatmapPanelData;
import org.gtlens.chart.options.ChartOptions;

/**
 * Finds the cell size of a figure and places everything for it: the cells fit the overall size asked for (or the
 * automatic caps, larger with labels on), never below the size at which JFreeChart still draws a panel, and the
 * title is wrapped to the content or widens the figure to its longest piece.
 */
final class LayoutSolver {

    private LayoutSolver() {
    }

    /** Lays out a figure; the options decide the cell size or the overall size. */
    static FigureLayout solve(HeatmapGrid grid, ChartOptions options) {
        Fonts fonts = new Fonts(options.fontSize());
        ColorMapping mapping = ColorMapping.resolve(grid, options);
        TextMeasure m = new TextMeasure(grid, options, mapping, fonts);
        int cellW;
        int cellH;
        if (options.cellSize() > 0) {
            cellW = Math.max(m.minCellW, options.cellSize());
            cellH = Math.max(m.minCellH, options.cellSize());
        } else {
            int pref = m.preferredCell();
            cellW = pref;
            cellH = pref;
            boolean on = options.valueLabels() == ChartOptions.LabelMode.ON;
            int maxW = on ? LABELLED_MAX_SIDE : AUTO_MAX_WIDTH;
            int maxH = on ? LABELLED_MAX_SIDE : AUTO_MAX_HEIGHT;
            int targetW = options.width() > 0 ? options.width() : 0;
            int targetH = options.height() > 0 ? options.height() : 0;
            for (int iteration = 0; iteration < 3; iteration++) {
                Pass p = pass(m, cellW, cellH);
                int fitW = m.totalCols == 0 ? pref
                        : (int) Math.floor((double) ((targetW > 0 ? targetW : maxW) - p.fixedW) / m.totalCols);
                int fitH = m.totalRows == 0 ? pref
                        : (int) Math.floor((double) ((targetH > 0 ? targetH : maxH) - p.fixedH) / m.totalRows);
                int w;
                int h;
                if (targetW > 0 && targetH > 0) {
                    w = fitW;
                    h = fitH;
                } else if (targetW > 0) {
                    w = fitW;
                    h = fitW;
                } else if (targetH > 0) {
                    w = fitH;
                    h = fitH;
                } else {
                    w = Math.min(pref, Math.min(fitW, fitH));
                    h = w;
                }
                w = Math.max(m.minCellW, w);
                h = Math.max(m.minCellH, h);
                if (w == cellW && h == cellH && iteration > 0) {
                    break;
                }
                cellW = w;
                cellH = h;
            }
            if (targetW == 0 && targetH == 0) {
                cellH = taller(m, cellW, cellH, maxH);
            }
        }
        Pass p = pass(m, cellW, cellH);
        int width = options.width() > 0 ? options.width() : p.width;
        int height = options.height() > 0 ? options.height() : p.height;
        int dx = Math.max(0, (width - p.width) / 2);
        int dy = Math.max(0, (height - p.height) / 2);
        return new FigureLayout(grid, options, mapping, fonts, p, width, height, dx, dy);
    }

    /**
     * The cell height of a figure of the natural size, raised where its panels would be thin strips (a block x
     * position panel of a long sequence): until no panel is more than {@link FigureLayout#MAX_PANEL_ASPECT} times
     * wider than high, but cells at most {@link FigureLayout#MAX_CELL_ASPECT} times higher than wide and the figure
     * within its height cap.
     */
    private static int taller(TextMeasure m, int cellW, int cellH, int maxH) {
        double flattest = 0;
        for (HeatmapPanelData d : m.grid.all()) {
            flattest = Math.max(flattest, (double) d.cols() / Math.max(1, d.rows()));
        }
        int wanted = Math.min((int) Math.ceil(flattest * cellW / FigureLayout.MAX_PANEL_ASPECT),
                FigureLayout.MAX_CELL_ASPECT * cellW);
        if (wanted <= cellH || m.totalRows == 0) {
            return cellH;
        }
        int fit = (int) Math.floor((double) (maxH - pass(m, cellW, wanted).fixedH) / m.totalRows);
        return Math.max(cellH, Math.min(wanted, fit));
    }

    /** Intermediate geometry for one cell size. */
    static final class Pass {
        int width;
        int height;
        int fixedW;
        int fixedH;
        List<String> titleLines;
        int titleTop;
        List<PanelBox> boxes = new ArrayList<>();
        Rectangle sharedLegend;
        List<Double> sharedLegendTicks = List.of();
        int yAxisX;
        int yAxisY;
        int xAxisX;
        int xAxisY;
        Font valueFont;
        int legendWidth;
    }

    private static Pass pass(TextMeasure m, int cellW, int cellH) {
        Pass p = new Pass();
        p.valueFont = m.valueFont(cellW, cellH);
        boolean shared = m.mapping.shared() != null;
        // Columns of the panel m.grid: row labels, cells, own legend.
        int[] yTickW = new int[m.cols];
        int[] legendW = new int[m.cols];
        int[] padLeft = new int[m.cols];
        int[] slotW = new int[m.cols];
        @SuppressWarnings({"unchecked", "rawtypes"})
        List<Double>[][] ticks = new List[m.rows][m.cols];
        for (int c = 0; c < m.cols; c++) {
            double yw = 0;
            double lw = 0;
            for (int r = 0; r < m.rows; r++) {
                HeatmapPanelData d = m.grid.panel(r, c);
                if (d == null) {
                    continue;
                }
                if (m.drawY[r][c]) {
                    yw = Math.max(yw, m.rowLabelW[r][c] + TICK_GAP + 2);
                }
                if (!shared) {
                    ColorScale s = m.mapping.scale(r, c);
                    ticks[r][c] = m.legendTicks(s, d.rows() * cellH);
                    lw = Math.max(lw, LEGEND_GAP + LEGEND_BAR + TICK_LEN + 2 + m.legendLabelWidth(ticks[r][c], s));
                }
            }
            yTickW[c] = (int) Math.ceil(yw);
            legendW[c] = (int) Math.ceil(lw);
            p.legendWidth = Math.max(p.legendWidth, (int) Math.ceil(lw) - LEGEND_GAP);
            int cellsW = m.maxCols[c] * cellW;
            int overhang = (int) Math.ceil(m.colTitleW[c] / 2 - cellsW / 2.0);
            padLeft[c] = Math.max(0, overhang - yTickW[c]);
            int padRight = Math.max(0, overhang - legendW[c]);
            slotW[c] = padLeft[c] + yTickW[c] + cellsW + legendW[c] + padRight;
        }
        // Rows of the panel m.grid: title, cells, column labels.
        int titleH = (int) Math.ceil(m.panelTitleH) + 4;
        int[] xTickH = new int[m.rows];
        boolean[] rotated = new boolean[m.rows];
        for (int r = 0; r < m.rows; r++) {
            double maxW = 0;
            boolean any = false;
            for (int c = 0; c < m.cols; c++) {
                if (m.grid.panel(r, c) != null && m.drawX[r][c]) {
                    any = true;
                    maxW = Math.max(maxW, m.colLabelW[r][c]);
                }
            }
            if (!any) {
                continue;
            }
            if (maxW + 4 <= cellW) {
                xTickH[r] = (int) Math.ceil(m.tickH) + TICK_GAP;
            } else {
                rotated[r] = true;
                xTickH[r] = (int) Math.ceil(maxW) + TICK_GAP + 2;
            }
        }

        int gridW = 0;
        for (int c = 0; c < m.cols; c++) {
            gridW += slotW[c];
        }
        gridW += HGAP * Math.max(0, m.cols - 1);
        int gridH = 0;
        for (int r = 0; r < m.rows; r++) {
            gridH += titleH + m.maxRows[r] * cellH + xTickH[r];
        }
        gridH += VGAP * Math.max(0, m.rows - 1);

        int left = MARGIN + (m.grid.rowAxisTitle().isEmpty() ? 0 : (int) Math.ceil(m.axisH) + 6);
        int sharedLegendW = 0;
        int firstCellTop = titleH;
        int lastCellBottom = m.rows == 0 ? 0 : gridH - xTickH[m.rows - 1];
        if (shared && m.rows > 0) {
            int barH = Math.max(1, lastCellBottom - firstCellTop);
            p.sharedLegendTicks = m.legendTicks(m.mapping.shared(), barH);
            sharedLegendW = (int) Math.ceil(LEGEND_GAP + 4 + LEGEND_BAR + TICK_LEN + 2
                    + m.legendLabelWidth(p.sharedLegendTicks, m.mapping.shared()));
            p.legendWidth = sharedLegendW - LEGEND_GAP - 4;
        }
        int contentW = left + gridW + sharedLegendW + MARGIN;

        // Title: wrapped to the content, the figure widened to its longest unbreakable piece.
        double titleLineH = Fonts.height(m.fonts.title);
        p.titleLines = TitleWrap.wrap(m.grid.title(), m.fonts.title, Math.max(contentW - 2 * MARGIN, 320));
        double titleW = Fonts.maxWidth(m.fonts.title, p.titleLines);
        int width = Math.max(contentW, (int) Math.ceil(titleW) + 2 * MARGIN);
        int top = MARGIN;
        p.titleTop = top;
        if (!p.titleLines.isEmpty()) {
            top += (int) Math.ceil(titleLineH * p.titleLines.size()) + 6;
        }
        int bottom = (m.grid.colAxisTitle().isEmpty() ? 0 : (int) Math.ceil(m.axisH) + 4) + MARGIN;
        int height = top + gridH + bottom;

        // Centre the m.grid when the title is the widest thing.
        int gridLeft = left + (width - contentW) / 2;
        int y = top;
        for (int r = 0; r < m.rows; r++) {
            int x = gridLeft;
            for (int c = 0; c < m.cols; c++) {
                HeatmapPanelData d = m.grid.panel(r, c);
                if (d != null) {
                    int cx = x + padLeft[c] + yTickW[c];
                    int cy = y + titleH;
                    Rectangle legend = null;
                    if (!shared) {
                        legend = new Rectangle(cx + d.cols() * cellW + LEGEND_GAP, cy, LEGEND_BAR,
                                d.rows() * cellH);
                    }
                    int titleX = cx + d.cols() * cellW / 2;
                    int titleY = (int) Math.round(y + Fonts.ascent(m.fonts.panelTitle) + 1);
                    p.boxes.add(new PanelBox(d, r, c, cx, cy, cellW, cellH, m.options.flipRows(),
                            m.mapping.scale(r, c), titleX, titleY, m.drawY[r][c], m.drawX[r][c],
                            rotated[r], legend, shared ? List.of() : ticks[r][c], m.drawY[r][c] ? yTickW[c] : 0,
                            m.drawX[r][c] ? xTickH[r] : 0));
                }
                x += slotW[c] + HGAP;
            }
            y += titleH + m.maxRows[r] * cellH + xTickH[r] + VGAP;
        }
        if (shared && m.rows > 0) {
            p.sharedLegend = new Rectangle(gridLeft + gridW + LEGEND_GAP + 4, top + firstCellTop, LEGEND_BAR,
                    Math.max(1, lastCellBottom - firstCellTop));
        }
        p.yAxisX = MARGIN + (int) Math.round(Fonts.ascent(m.fonts.axis));
        p.yAxisY = top + gridH / 2;
        p.xAxisX = gridLeft + gridW / 2;
        p.xAxisY = top + gridH + (int) Math.round(Fonts.ascent(m.fonts.axis)) + 2;
        p.width = width;
        p.height = height;
        p.fixedW = contentW - m.totalCols * cellW;
        p.fixedH = height - m.totalRows * cellH;
        return p;
    }
}
