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
 * @param facetColOrder the panel columns' facet values in the order a summary figure draws them, each panel then
 *                      titled by its value alone (as the command line's figure titles it); empty for natural order
 *                      and titles that name the facet
 */
public record TableLayout(String summary, String rowAxis, String colAxis, String facetRowsName,
        String facetColsName, boolean hasKind, boolean hasSource, java.util.List<String> facetColOrder) {

    public TableLayout {
        facetColOrder = java.util.List.copyOf(facetColOrder);
    }

    /** A layout whose facets come in natural order, titled with their names. */
    public TableLayout(String summary, String rowAxis, String colAxis, String facetRowsName, String facetColsName,
            boolean hasKind, boolean hasSource) {
        this(summary, rowAxis, colAxis, facetRowsName, facetColsName, hasKind, hasSource, java.util.List.of());
    }
}
