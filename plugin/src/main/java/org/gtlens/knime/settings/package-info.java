/**
 * How the nodes' settings evolve: each setting added after the first settings of a node is one row of its
 * migration table, saying what a workflow saved without it gets.
 */
package org.gtlens.knime.settings;
