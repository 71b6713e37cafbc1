/**
 * Causal analyses: which parts of a model matter for its predictions, found by running it with a part changed (head
 * ablation, activation patching) through the contract's intervention inputs, and measured against the plain run.
 */
package org.gtlens.causal;
