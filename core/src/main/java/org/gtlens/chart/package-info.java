/**
 * Heatmap figures of a transformer's inner representations, without KNIME: a generic grid model
 * ({@link org.gtlens.chart.data.HeatmapGrid} of {@link org.gtlens.chart.data.HeatmapPanelData}) buildable from any matrices,
 * drawing options ({@link org.gtlens.chart.options.ChartOptions}), the notebook's six standard figures of a sequence
 * ({@link org.gtlens.chart.figures.RepresentationFigures}), headless PNG and SVG output ({@link org.gtlens.chart.output.HeatmapRenderer}) and an
 * interactive Swing component ({@link org.gtlens.chart.swing.HeatmapPanel}) that all share one layout and one painter, so
 * they look the same.
 */
package org.gtlens.chart;
