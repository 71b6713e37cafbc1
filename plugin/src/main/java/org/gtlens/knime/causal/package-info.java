/**
 * What the causal nodes (Ablate Heads, Patch Activations) share: the model check at configure time, the settings
 * they have in common, progress and cancel through KNIME's execution monitor, and the output container.
 */
package org.gtlens.knime.causal;
