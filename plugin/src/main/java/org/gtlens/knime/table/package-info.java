/**
 * KNIME cells and table specs built from the core's table schemas.
 */
package org.gtlens.knime.table;
