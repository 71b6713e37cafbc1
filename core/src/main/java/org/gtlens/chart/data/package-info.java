/**
 * What a heatmap figure shows, independent of how it is drawn: a grid of panels, each a matrix of values with
 * its row and column labels.
 */
package org.gtlens.chart.data;
