/**
 * Extraction: sequences in, batches of representations out, with selection, memory budget, progress and
 * cancellation.
 */
package org.gtlens.repr;
