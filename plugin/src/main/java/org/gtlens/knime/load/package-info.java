/**
 * The Load GTransformer node: a model file (or the built-in model) becomes a model port.
 */
package org.gtlens.knime.load;
