package org.gtlens.chart.layout;

import java.awt.Font;
import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;
import org.gtlens.chart.color.ColorMapping;
import org.gtlens.chart.color.ColorScale;
import org.gtlens.chart.color.NiceTicks;
import org.gtlens.chart.color.ValueFormat;
import org.gtlens.chart.data.HeatmapGrid;
import org.gtlens.chart.data.HeatmapPanelData;
import org.gtlens.chart.options.ChartOptions;

/**
 * Where everything of a figure goes, in logical pixels: computed once from the grid, the options and font metrics,
 * then shared by the painter (PNG, SVG, Swing) and by hit testing (tooltips). The size follows the content, so there
 * are no empty margins, and the title always fits (it is wrapped, and the figure widened to its longest word).
 */
public final class FigureLayout {

    static final int MARGIN = 10;
    static final int HGAP = 18;
    static final int VGAP = 10;
    public static final int TICK_GAP = 4;
    public static final int LEGEND_BAR = 12;
    static final int LEGEND_GAP = 8;
    public static final int TICK_LEN = 3;
    /** Caps of an automatically sized figure, so that a big grid shrinks its cells instead of growing forever. */
    static final int AUTO_MAX_WIDTH = 1600;
    static final int AUTO_MAX_HEIGHT = 1200;
    /** With labels ON a figure may grow this far (per side) so that every value can be read. */
    static final int LABELLED_MAX_SIDE = 6000;
    static final float MIN_LABEL_FONT = 7f;
    static final float MIN_AUTO_LABEL_FONT = 8f;

    /**
     * One heatmap's place in the figure.
     *
     * @param data        the panel
     * @param gridRow     row in the panel grid
     * @param gridCol     column in the panel grid
     * @param x           left of the first cell
     * @param y           top of the first cell row
     * @param cellW       cell width
     * @param cellH       cell height
     * @param flipRows    true when row 0 is drawn at the bottom
     * @param scale       colour scale of this panel
     * @param titleX      centre of the panel title
     * @param titleY      baseline of the panel title
     * @param yTicks      whether row labels are drawn left of this panel (SymbolAxis leaves out those that overlap)
     * @param xTicks      whether column labels are drawn below this panel
     * @param xRotated    column labels written upwards (they do not fit across a cell)
     * @param legend      the colour bar of this panel, or null when the figure has one shared legend
     * @param legendTicks values marked on that bar
     * @param yTickSpace  width left of the cells for the row labels (0 without them)
     * @param xTickSpace  height below the cells for the column labels (0 without them)
     */
    public record PanelBox(HeatmapPanelData data, int gridRow, int gridCol, int x, int y, int cellW, int cellH,
            boolean flipRows, ColorScale scale, int titleX, int titleY, boolean yTicks, boolean xTicks,
            boolean xRotated, Rectangle legend, List<Double> legendTicks, int yTickSpace,
            int xTickSpace) {

        /** The rectangle covered by the cells. */
        public Rectangle cellArea() {
            return new Rectangle(x, y, data.cols() * cellW, data.rows() * cellH);
        }

        /** The rectangle of cell (row, col) of the matrix. */
        public Rectangle cell(int row, int col) {
            int drawRow = flipRows ? data.rows() - 1 - row : row;
            return new Rectangle(x + col * cellW, y + drawRow * cellH, cellW, cellH);
        }

        /** The matrix row drawn at vertical position {@code py}, or -1. */
        public int rowAt(double py) {
            if (py < y || py >= y + data.rows() * cellH) {
                return -1;
            }
            int drawRow = (int) ((py - y) / cellH);
            return flipRows ? data.rows() - 1 - drawRow : drawRow;
        }

        /** The matrix column drawn at horizontal position {@code px}, or -1. */
        public int colAt(double px) {
            if (px < x || px >= x + data.cols() * cellW) {
                return -1;
            }
            return (int) ((px - x) / cellW);
        }
    }

    /** A cell under a point. */
    public record Hit(PanelBox box, int row, int col) {

        public float value() {
            return box.data().value(row, col);
        }
    }

    private final HeatmapGrid grid;
    private final ChartOptions options;
    private final ColorMapping mapping;
    private final Fonts fonts;
    private final int width;
    private final int height;
    private final List<String> titleLines;
    private final int titleTop;
    private final List<PanelBox> boxes;
    private final Rectangle sharedLegend;
    private final List<Double> sharedLegendTicks;
    private final int yAxisX;
    private final int yAxisY;
    private final int xAxisX;
    private final int xAxisY;
    private final Font valueFont;
    private final int legendWidth;

    private FigureLayout(HeatmapGrid grid, ChartOptions options, ColorMapping mapping, Fonts fonts, Pass p,
            int width, int height, int dx, int dy) {
        this.grid = grid;
        this.options = options;
        this.mapping = mapping;
        this.fonts = fonts;
        this.width = width;
        this.height = height;
        this.titleLines = p.titleLines;
        this.titleTop = p.titleTop + dy;
        List<PanelBox> moved = new ArrayList<>();
        for (PanelBox b : p.boxes) {
            moved.add(new PanelBox(b.data, b.gridRow, b.gridCol, b.x + dx, b.y + dy, b.cellW, b.cellH, b.flipRows,
                    b.scale, b.titleX + dx, b.titleY + dy, b.yTicks, b.xTicks, b.xRotated,
                    b.legend == null ? null : shift(b.legend, dx, dy), b.legendTicks, b.yTickSpace, b.xTickSpace));
        }
        this.boxes = List.copyOf(moved);
        this.sharedLegend = p.sharedLegend == null ? null : shift(p.sharedLegend, dx, dy);
        this.sharedLegendTicks = p.sharedLegendTicks;
        this.yAxisX = p.yAxisX + dx;
        this.yAxisY = p.yAxisY + dy;
        this.xAxisX = p.xAxisX + dx;
        this.xAxisY = p.xAxisY + dy;
        this.valueFont = p.valueFont;
        this.legendWidth = p.legendWidth;
    }

    private static Rectangle shift(Rectangle r, int dx, int dy) {
        return new Rectangle(r.x + dx, r.y + dy, r.width, r.height);
    }

    /** Lays out a figure; the options decide the cell size or the overall size. */
    public static FigureLayout compute(HeatmapGrid grid, ChartOptions options) {
        Fonts fonts = new Fonts(options.fontSize());
        ColorMapping mapping = ColorMapping.resolve(grid, options);
        Measure m = new Measure(grid, options, mapping, fonts);
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
                Pass p = m.pass(cellW, cellH);
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
        }
        Pass p = m.pass(cellW, cellH);
        int width = options.width() > 0 ? options.width() : p.width;
        int height = options.height() > 0 ? options.height() : p.height;
        int dx = Math.max(0, (width - p.width) / 2);
        int dy = Math.max(0, (height - p.height) / 2);
        return new FigureLayout(grid, options, mapping, fonts, p, width, height, dx, dy);
    }

    /** Intermediate geometry for one cell size. */
    private static final class Pass {
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

    /** Font measurements that do not depend on the cell size, made once per layout. */
    private static final class Measure {
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

        Measure(HeatmapGrid grid, ChartOptions options, ColorMapping mapping, Fonts fonts) {
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

        Pass pass(int cellW, int cellH) {
            Pass p = new Pass();
            p.valueFont = valueFont(cellW, cellH);
            boolean shared = mapping.shared() != null;
            // Columns of the panel grid: row labels, cells, own legend.
            int[] yTickW = new int[cols];
            int[] legendW = new int[cols];
            int[] padLeft = new int[cols];
            int[] slotW = new int[cols];
            @SuppressWarnings({"unchecked", "rawtypes"})
            List<Double>[][] ticks = new List[rows][cols];
            for (int c = 0; c < cols; c++) {
                double yw = 0;
                double lw = 0;
                for (int r = 0; r < rows; r++) {
                    HeatmapPanelData d = grid.panel(r, c);
                    if (d == null) {
                        continue;
                    }
                    if (drawY[r][c]) {
                        yw = Math.max(yw, rowLabelW[r][c] + TICK_GAP + 2);
                    }
                    if (!shared) {
                        ColorScale s = mapping.scale(r, c);
                        ticks[r][c] = legendTicks(s, d.rows() * cellH);
                        lw = Math.max(lw, LEGEND_GAP + LEGEND_BAR + TICK_LEN + 2 + legendLabelWidth(ticks[r][c], s));
                    }
                }
                yTickW[c] = (int) Math.ceil(yw);
                legendW[c] = (int) Math.ceil(lw);
                p.legendWidth = Math.max(p.legendWidth, (int) Math.ceil(lw) - LEGEND_GAP);
                int cellsW = maxCols[c] * cellW;
                int overhang = (int) Math.ceil(colTitleW[c] / 2 - cellsW / 2.0);
                padLeft[c] = Math.max(0, overhang - yTickW[c]);
                int padRight = Math.max(0, overhang - legendW[c]);
                slotW[c] = padLeft[c] + yTickW[c] + cellsW + legendW[c] + padRight;
            }
            // Rows of the panel grid: title, cells, column labels.
            int titleH = (int) Math.ceil(panelTitleH) + 4;
            int[] xTickH = new int[rows];
            boolean[] rotated = new boolean[rows];
            for (int r = 0; r < rows; r++) {
                double maxW = 0;
                boolean any = false;
                for (int c = 0; c < cols; c++) {
                    if (grid.panel(r, c) != null && drawX[r][c]) {
                        any = true;
                        maxW = Math.max(maxW, colLabelW[r][c]);
                    }
                }
                if (!any) {
                    continue;
                }
                if (maxW + 4 <= cellW) {
                    xTickH[r] = (int) Math.ceil(tickH) + TICK_GAP;
                } else {
                    rotated[r] = true;
                    xTickH[r] = (int) Math.ceil(maxW) + TICK_GAP + 2;
                }
            }

            int gridW = 0;
            for (int c = 0; c < cols; c++) {
                gridW += slotW[c];
            }
            gridW += HGAP * Math.max(0, cols - 1);
            int gridH = 0;
            for (int r = 0; r < rows; r++) {
                gridH += titleH + maxRows[r] * cellH + xTickH[r];
            }
            gridH += VGAP * Math.max(0, rows - 1);

            int left = MARGIN + (grid.rowAxisTitle().isEmpty() ? 0 : (int) Math.ceil(axisH) + 6);
            int sharedLegendW = 0;
            int firstCellTop = titleH;
            int lastCellBottom = rows == 0 ? 0 : gridH - xTickH[rows - 1];
            if (shared && rows > 0) {
                int barH = Math.max(1, lastCellBottom - firstCellTop);
                p.sharedLegendTicks = legendTicks(mapping.shared(), barH);
                sharedLegendW = (int) Math.ceil(LEGEND_GAP + 4 + LEGEND_BAR + TICK_LEN + 2
                        + legendLabelWidth(p.sharedLegendTicks, mapping.shared()));
                p.legendWidth = sharedLegendW - LEGEND_GAP - 4;
            }
            int contentW = left + gridW + sharedLegendW + MARGIN;

            // Title: wrapped to the content, the figure widened to its longest unbreakable piece.
            double titleLineH = Fonts.height(fonts.title);
            p.titleLines = wrap(grid.title(), fonts.title, Math.max(contentW - 2 * MARGIN, 320));
            double titleW = Fonts.maxWidth(fonts.title, p.titleLines);
            int width = Math.max(contentW, (int) Math.ceil(titleW) + 2 * MARGIN);
            int top = MARGIN;
            p.titleTop = top;
            if (!p.titleLines.isEmpty()) {
                top += (int) Math.ceil(titleLineH * p.titleLines.size()) + 6;
            }
            int bottom = (grid.colAxisTitle().isEmpty() ? 0 : (int) Math.ceil(axisH) + 4) + MARGIN;
            int height = top + gridH + bottom;

            // Centre the grid when the title is the widest thing.
            int gridLeft = left + (width - contentW) / 2;
            int y = top;
            for (int r = 0; r < rows; r++) {
                int x = gridLeft;
                for (int c = 0; c < cols; c++) {
                    HeatmapPanelData d = grid.panel(r, c);
                    if (d != null) {
                        int cx = x + padLeft[c] + yTickW[c];
                        int cy = y + titleH;
                        Rectangle legend = null;
                        if (!shared) {
                            legend = new Rectangle(cx + d.cols() * cellW + LEGEND_GAP, cy, LEGEND_BAR,
                                    d.rows() * cellH);
                        }
                        int titleX = cx + d.cols() * cellW / 2;
                        int titleY = (int) Math.round(y + Fonts.ascent(fonts.panelTitle) + 1);
                        p.boxes.add(new PanelBox(d, r, c, cx, cy, cellW, cellH, options.flipRows(),
                                mapping.scale(r, c), titleX, titleY, drawY[r][c], drawX[r][c],
                                rotated[r], legend, shared ? List.of() : ticks[r][c], drawY[r][c] ? yTickW[c] : 0,
                                drawX[r][c] ? xTickH[r] : 0));
                    }
                    x += slotW[c] + HGAP;
                }
                y += titleH + maxRows[r] * cellH + xTickH[r] + VGAP;
            }
            if (shared && rows > 0) {
                p.sharedLegend = new Rectangle(gridLeft + gridW + LEGEND_GAP + 4, top + firstCellTop, LEGEND_BAR,
                        Math.max(1, lastCellBottom - firstCellTop));
            }
            p.yAxisX = MARGIN + (int) Math.round(Fonts.ascent(fonts.axis));
            p.yAxisY = top + gridH / 2;
            p.xAxisX = gridLeft + gridW / 2;
            p.xAxisY = top + gridH + (int) Math.round(Fonts.ascent(fonts.axis)) + 2;
            p.width = width;
            p.height = height;
            p.fixedW = contentW - totalCols * cellW;
            p.fixedH = height - totalRows * cellH;
            return p;
        }
    }

    /** A piece of a title for wrapping; {@code glued} pieces continue the previous one without a space. */
    private record Piece(String text, boolean glued) {
    }

    /**
     * Greedy word wrap at spaces; a word longer than a line (a long token list) is also broken after its commas, and
     * only a piece without commas that is still too long widens the figure.
     */
    static List<String> wrap(String text, Font font, double maxWidth) {
        List<String> lines = new ArrayList<>();
        if (text.isBlank()) {
            return lines;
        }
        if (Fonts.width(font, text) <= maxWidth) {
            lines.add(text.trim());
            return lines;
        }
        List<Piece> pieces = new ArrayList<>();
        for (String word : text.trim().split(" +")) {
            if (Fonts.width(font, word) <= maxWidth) {
                pieces.add(new Piece(word, false));
                continue;
            }
            int start = 0;
            for (int i = 0; i < word.length() - 1; i++) {
                if (word.charAt(i) == ',') {
                    pieces.add(new Piece(word.substring(start, i + 1), start > 0));
                    start = i + 1;
                }
            }
            pieces.add(new Piece(word.substring(start), start > 0));
        }
        StringBuilder line = new StringBuilder();
        for (Piece piece : pieces) {
            String candidate = line.length() == 0 ? piece.text : line + (piece.glued ? "" : " ") + piece.text;
            if (line.length() > 0 && Fonts.width(font, candidate) > maxWidth) {
                lines.add(line.toString());
                line.setLength(0);
                line.append(piece.text);
            } else {
                line.setLength(0);
                line.append(candidate);
            }
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }

    /** The cell under a point in logical pixels, or null. */
    public Hit hit(double px, double py) {
        for (PanelBox b : boxes) {
            int row = b.rowAt(py);
            int col = b.colAt(px);
            if (row >= 0 && col >= 0) {
                return new Hit(b, row, col);
            }
        }
        return null;
    }

    public HeatmapGrid grid() {
        return grid;
    }

    public ChartOptions options() {
        return options;
    }

    /** Width in logical pixels. */
    public int width() {
        return width;
    }

    /** Height in logical pixels. */
    public int height() {
        return height;
    }

    /** Every panel's place, row by row. */
    public List<PanelBox> boxes() {
        return boxes;
    }

    /** The box of the panel at a grid position, or null for an empty slot. */
    public PanelBox box(int gridRow, int gridCol) {
        for (PanelBox b : boxes) {
            if (b.gridRow == gridRow && b.gridCol == gridCol) {
                return b;
            }
        }
        return null;
    }

    /** The figure's colour bar when the range is shared, else null (each panel has its own). */
    public Rectangle sharedLegend() {
        return sharedLegend;
    }

    /** Width of a colour legend from the left of its bar to the end of its labels. */
    public int legendWidth() {
        return legendWidth;
    }

    public List<Double> sharedLegendTicks() {
        return sharedLegendTicks;
    }

    /** The figure's colour scale when the range is shared, else null. */
    public ColorScale sharedScale() {
        return mapping.shared();
    }

    /**
     * True when value labels were asked for (ON) but the cells are too small even for the smallest readable text,
     * so the figure is drawn without them; callers say so.
     */
    public boolean labelsDropped() {
        return options.valueLabels() == ChartOptions.LabelMode.ON && valueFont == null;
    }

    /** True when values are written into the cells. */
    public boolean valueLabels() {
        return valueFont != null;
    }

    /** The font of value labels, or null when they are off. */
    public Font valueFont() {
        return valueFont;
    }

    /** Decimals of value labels. */
    public int decimals() {
        return mapping.decimals();
    }

    /** The label a cell shows (whether or not labels are drawn). */
    public String valueLabel(float value) {
        return ValueFormat.format(value, mapping.decimals());
    }

    public List<String> titleLines() {
        return titleLines;
    }

    public Fonts fonts() {
        return fonts;
    }

    public ColorMapping mapping() {
        return mapping;
    }

    public int titleTop() {
        return titleTop;
    }

    public int yAxisX() {
        return yAxisX;
    }

    public int yAxisY() {
        return yAxisY;
    }

    public int xAxisX() {
        return xAxisX;
    }

    public int xAxisY() {
        return xAxisY;
    }
}
