/**
 * Figure builders: which panels a representation or a summary becomes, and the one drawing rule per figure kind
 * (names, cell transform and mask, palette, range, decimals) that the CLI, the explorer and the Heatmap View share.
 */
package org.gtlens.chart.figures;
