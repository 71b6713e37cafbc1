/**
 * JFreeChart plots and renderers that draw heatmap panels, their cells, labels and legends.
 */
package org.gtlens.chart.plot;
