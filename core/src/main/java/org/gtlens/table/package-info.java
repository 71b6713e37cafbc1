/**
 * Output tables: one schema per table (its columns, in order), the layouts that fill them and the rows they
 * produce, shared by the CSV files and the KNIME nodes.
 */
package org.gtlens.table;
