package org.gtlens.chart.tables;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.gtlens.chart.data.HeatmapPanelData;

/**
 * Panels keyed by their two facet values, laid out as a grid: facet values in natural order (missing first, numbers
 * by value, text alphabetically), each panel titled by its facets.
 */
final class FacetGrid {

    private final Map<List<String>, PanelCells> panels = new LinkedHashMap<>();

    PanelCells panel(String facetRow, String facetCol) {
        return panels.computeIfAbsent(List.of(facetRow, facetCol), k -> new PanelCells());
    }

    boolean isEmpty() {
        return panels.isEmpty();
    }

    /**
     * The panels, each cut to at most {@code maxCols} columns.
     *
     * @param colOrder the column facets' values in the order to draw them, each panel titled by its value alone (values
     *                 not in it follow in natural order); empty for natural order and titles that name the facet
     */
    HeatmapPanelData[][] panels(String rowName, String colName, List<String> colOrder, int maxCols) {
        List<String> rowFacets = sorted(panels.keySet().stream().map(k -> k.get(0)).toList());
        List<String> colFacets = sorted(panels.keySet().stream().map(k -> k.get(1)).toList());
        String colTitle = colName;
        if (!colOrder.isEmpty()) {
            colFacets.sort(Comparator.comparingInt(v -> colOrder.contains(v) ? colOrder.indexOf(v)
                    : colOrder.size()));
            colTitle = colName == null ? null : "";
        }
        HeatmapPanelData[][] grid = new HeatmapPanelData[rowFacets.size()][colFacets.size()];
        for (int i = 0; i < rowFacets.size(); i++) {
            for (int j = 0; j < colFacets.size(); j++) {
                PanelCells p = panels.get(List.of(rowFacets.get(i), colFacets.get(j)));
                if (p != null) {
                    grid[i][j] = p.panel(title(rowName, rowFacets.get(i), colTitle, colFacets.get(j)), maxCols);
                }
            }
        }
        return grid;
    }

    private static String title(String rowName, String rowValue, String colName, String colValue) {
        List<String> parts = new ArrayList<>();
        if (rowName != null && !rowValue.isEmpty()) {
            parts.add(rowName + " " + rowValue);
        }
        if (colName != null && !colValue.isEmpty()) {
            parts.add(colName.isEmpty() ? colValue : colName + " " + colValue);
        }
        return String.join(" \u00b7 ", parts);
    }

    private static List<String> sorted(List<String> values) {
        Comparator<String> natural = (a, b) -> {
            Double x = number(a);
            Double y = number(b);
            if (x != null && y != null) {
                return Double.compare(x, y);
            }
            if (x != null || y != null) {
                return x != null ? -1 : 1;
            }
            return a.compareTo(b);
        };
        TreeSet<String> set = new TreeSet<>(Comparator.comparing(String::isEmpty).reversed().thenComparing(natural));
        set.addAll(values);
        return new ArrayList<>(set);
    }

    private static Double number(String s) {
        try {
            return Double.valueOf(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
