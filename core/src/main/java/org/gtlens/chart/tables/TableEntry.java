package org.gtlens.chart.tables;

/**
 * What a figure takes from one table row.
 *
 * @param kind     the representation kind's contract name, "" without a kind column
 * @param source   the source row or group, "" without such a column
 * @param facetRow the value that picks the panel's grid row, "" without a facet
 * @param facetCol the value that picks the panel's grid column, "" without a facet
 * @param row      the matrix row
 * @param col      the matrix column
 * @param value    the value
 * @param rowLabel the matrix row's label, or null
 * @param colLabel the matrix column's label, or null
 * @param block    the block, -1 without a block column
 * @param head     the head, -1 without a head column
 */
public record TableEntry(String kind, String source, String facetRow, String facetCol, int row, int col,
        double value, String rowLabel, String colLabel, int block, int head) {
}
