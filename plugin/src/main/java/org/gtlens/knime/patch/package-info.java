/**
 * The Patch Activations node: where the answer is decided, by putting clean activations back into corrupted runs.
 */
package org.gtlens.knime.patch;
