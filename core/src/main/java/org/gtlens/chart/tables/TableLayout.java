package org.gtlens.chart.tables;

/**
 * How a table's rows become a figure, by name: what titles and axes say, and which filters apply.
 *
 * @param summary       the title of a summary table (head scores, lens statistics), or null for representations
 * @param rowAxis       the row axis title when no kind names it
 * @param colAxis       the column axis title when no kind names it
 * @param facetRowsName what panel rows are titled by, or null without such a facet
 * @param facetColsName what panel columns are titled by, or null without such a facet
 * @param hasKind       whether rows carry a kind (else the chosen kind only names the figure)
 * @param hasSource     whether rows carry a source row or group
 */
public record TableLayout(String summary, String rowAxis, String colAxis, String facetRowsName,
        String facetColsName, boolean hasKind, boolean hasSource) {
}
