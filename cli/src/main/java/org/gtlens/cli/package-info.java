/**
 * The {@code gtlens} command line: the same pipeline as the KNIME nodes, headless, writing CSV files and figures.
 */
package org.gtlens.cli;
