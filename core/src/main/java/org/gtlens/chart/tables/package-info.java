/**
 * Figures from tables of values: rows of a long table (one value per row, with its kind, source, facets, matrix cell
 * and labels) filtered and averaged into the panels of a grid of heatmaps. Knows nothing of where the rows come
 * from; the Heatmap View binds a KNIME table's columns to {@link org.gtlens.chart.tables.TableEntry}.
 */
package org.gtlens.chart.tables;
