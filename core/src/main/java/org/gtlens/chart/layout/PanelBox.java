package org.gtlens.chart.layout;

import java.awt.Rectangle;
import java.util.List;

import org.gtlens.chart.color.ColorScale;
import org.gtlens.chart.data.HeatmapPanelData;

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

    /** The same box moved by (dx, dy). */
    PanelBox shifted(int dx, int dy) {
        return new PanelBox(data, gridRow, gridCol, x + dx, y + dy, cellW, cellH, flipRows, scale, titleX + dx,
                titleY + dy, yTicks, xTicks, xRotated, legend == null ? null : shift(legend, dx, dy), legendTicks,
                yTickSpace, xTickSpace);
    }

    static Rectangle shift(Rectangle r, int dx, int dy) {
        return new Rectangle(r.x + dx, r.y + dy, r.width, r.height);
    }
}
