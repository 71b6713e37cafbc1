/**
 * Colour scales: how a value becomes a colour (palettes, value mapping, contrast) and how legend ticks and cell
 * labels are formatted.
 */
package org.gtlens.chart.color;
