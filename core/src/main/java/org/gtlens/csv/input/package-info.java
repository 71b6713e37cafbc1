/**
 * Reading token sequences from CSV files, with one sentence naming file, line, column and value for bad input.
 */
package org.gtlens.csv.input;
