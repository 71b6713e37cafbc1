/**
 * Swing components that show a figure on screen, zoomable and scrollable, for the explorer and KNIME's views.
 */
package org.gtlens.chart.swing;
