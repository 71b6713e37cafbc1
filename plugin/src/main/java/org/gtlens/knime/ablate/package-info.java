/**
 * The Ablate Heads node: which heads matter, by running every sequence with each head's output replaced in turn.
 */
package org.gtlens.knime.ablate;
