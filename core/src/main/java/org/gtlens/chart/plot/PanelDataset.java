package org.gtlens.chart.plot;

import org.jfree.data.xy.AbstractXYZDataset;
import org.gtlens.chart.data.HeatmapPanelData;

/**
 * One panel's cells as JFreeChart's XYZ data: x is the column, y the row, z the number its colour comes from (the
 * value, or its share of the row's maximum under the row scale). Item {@code i} is row {@code i / cols}.
 */
final class PanelDataset extends AbstractXYZDataset {

    private static final long serialVersionUID = 1L;

    private final HeatmapPanelData panel;
    private final float[] colourValues;

    PanelDataset(HeatmapPanelData panel, float[] colourValues) {
        this.panel = panel;
        this.colourValues = colourValues;
    }

    HeatmapPanelData panel() {
        return panel;
    }

    /** The value shown in labels and tooltips (the real one, whatever the colour scale). */
    float value(int item) {
        return panel.value(item / panel.cols(), item % panel.cols());
    }

    float colourValue(int row, int col) {
        return colourValues[row * panel.cols() + col];
    }

    @Override
    public int getSeriesCount() {
        return 1;
    }

    @Override
    public Comparable<String> getSeriesKey(int series) {
        return panel.title();
    }

    @Override
    public int getItemCount(int series) {
        return panel.rows() * panel.cols();
    }

    @Override
    public Number getX(int series, int item) {
        return getXValue(series, item);
    }

    @Override
    public double getXValue(int series, int item) {
        return item % panel.cols();
    }

    @Override
    public Number getY(int series, int item) {
        return getYValue(series, item);
    }

    @Override
    public double getYValue(int series, int item) {
        return item / panel.cols();
    }

    @Override
    public Number getZ(int series, int item) {
        return getZValue(series, item);
    }

    @Override
    public double getZValue(int series, int item) {
        return colourValues[item];
    }
}
