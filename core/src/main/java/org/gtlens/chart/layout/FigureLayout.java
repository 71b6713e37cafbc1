package org.gtlens.chart.layout;

import java.awt.Font;
import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;
import org.gtlens.chart.color.ColorMapping;
import org.gtlens.chart.color.ColorScale;
import org.gtlens.chart.color.ValueFormat;
import org.gtlens.chart.data.HeatmapGrid;
import org.gtlens.chart.options.ChartOptions;

/**
 * Where everything of a figure goes, in logical pixels: computed once from the grid, the options and font metrics,
 * then shared by the plots and legends of PNG, SVG and Swing output. The size follows the content, so there
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
    /** Widest a panel of a naturally sized figure should be for its height, so that none is a thin strip. */
    static final double MAX_PANEL_ASPECT = 8;
    /** How much higher than wide a cell may grow for that. */
    static final int MAX_CELL_ASPECT = 4;
    static final float MIN_LABEL_FONT = 7f;
    static final float MIN_AUTO_LABEL_FONT = 8f;

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

    FigureLayout(HeatmapGrid grid, ChartOptions options, ColorMapping mapping, Fonts fonts, LayoutSolver.Pass p,
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
            moved.add(b.shifted(dx, dy));
        }
        this.boxes = List.copyOf(moved);
        this.sharedLegend = p.sharedLegend == null ? null : PanelBox.shift(p.sharedLegend, dx, dy);
        this.sharedLegendTicks = p.sharedLegendTicks;
        this.yAxisX = p.yAxisX + dx;
        this.yAxisY = p.yAxisY + dy;
        this.xAxisX = p.xAxisX + dx;
        this.xAxisY = p.xAxisY + dy;
        this.valueFont = p.valueFont;
        this.legendWidth = p.legendWidth;
    }

    /** Lays out a figure; the options decide the cell size or the overall size. */
    public static FigureLayout compute(HeatmapGrid grid, ChartOptions options) {
        return LayoutSolver.solve(grid, options);
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
            if (b.gridRow() == gridRow && b.gridCol() == gridCol) {
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
