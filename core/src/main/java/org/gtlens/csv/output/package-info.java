/**
 * Writing output tables as CSV files, committed together, with fast encoders for the large long tables.
 */
package org.gtlens.csv.output;
