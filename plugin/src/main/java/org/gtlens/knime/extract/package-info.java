/**
 * The Extract Representations node: a model and a table of token sequences become KNIME tables.
 */
package org.gtlens.knime.extract;
