/**
 * The explorer: one Swing component to look through the figures of a dataset (sequence or group, kind, blocks,
 * heads, colour scale and range) without recomputing anything but the figure, used by {@code gtlens view} and by the
 * Heatmap View node's view.
 */
package org.gtlens.explorer;
