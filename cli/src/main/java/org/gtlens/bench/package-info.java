/**
 * Benchmarks that print GT Lens' figures next to a baseline measured in the same run (PyTorch eager,
 * matplotlib).
 */
package org.gtlens.bench;
