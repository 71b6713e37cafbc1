/**
 * Summaries over many sequences that need only one pass and bounded memory: per-cell moments, per-head scores
 * and logit-lens statistics.
 */
package org.gtlens.analysis;
