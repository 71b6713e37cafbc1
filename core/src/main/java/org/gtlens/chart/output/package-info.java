/**
 * Figure output to files and images: PNG and SVG through JFreeChart and JFreeSVG.
 */
package org.gtlens.chart.output;
