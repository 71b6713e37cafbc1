/**
 * The Heatmap View node: tables become a figure, shown as an image port and in an explorer view.
 */
package org.gtlens.knime.heatmap;
