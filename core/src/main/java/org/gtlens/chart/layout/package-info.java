/**
 * Figure layout: panel sizes and positions, wrapped titles, tick labels and the fonts that measure them, solved
 * once so that PNG, SVG and the screen agree.
 */
package org.gtlens.chart.layout;
