/**
 * The options a figure is drawn with (palette, value scale, range, labels, zoom), as immutable values with a
 * builder.
 */
package org.gtlens.chart.options;
