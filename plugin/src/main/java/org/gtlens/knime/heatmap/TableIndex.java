package org.gtlens.knime.heatmap;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntFunction;

import org.gtlens.chart.tables.TableEntry;
import org.gtlens.repr.IndexList;

/**
 * What one pass over a table tells its figures before they are drawn: its sources and kinds in table order, its
 * largest block and head, and each source's last matrix row (so that {@code last} is each sequence's own).
 */
final class TableIndex {

    private final Set<String> m_sources = new LinkedHashSet<>();

    private final Set<String> m_kinds = new LinkedHashSet<>();

    private final Map<String, Integer> m_lastRow = new HashMap<>();

    private int m_maxBlock = -1;

    private int m_maxHead = -1;

    void add(final TableEntry e) {
        m_sources.add(e.source());
        m_kinds.add(e.kind());
        m_lastRow.merge(e.source(), e.row(), Math::max);
        m_maxBlock = Math.max(m_maxBlock, e.block());
        m_maxHead = Math.max(m_maxHead, e.head());
    }

    /** @return source row IDs or groups in table order ("" when the table has none) */
    List<String> sources() {
        return List.copyOf(m_sources);
    }

    /** @return kinds in table order ("" when the table has no kind column) */
    List<String> kinds() {
        return List.copyOf(m_kinds);
    }

    int maxBlock() {
        return m_maxBlock;
    }

    int maxHead() {
        return m_maxHead;
    }

    /** @return the largest matrix row of any source, or -1 */
    int maxRow() {
        return m_lastRow.values().stream().mapToInt(Integer::intValue).max().orElse(-1);
    }

    /**
     * Which figure row each entry goes to when only some positions are drawn: the chosen rows of its own source,
     * numbered in order; -1 for the others. Null for all.
     */
    ToIntFunction<TableEntry> rows(final IndexList positions) {
        if (positions.isAll()) {
            return null;
        }
        Map<String, int[]> chosen = new HashMap<>();
        return e -> {
            int[] rows = chosen.computeIfAbsent(e.source(), src -> positions.resolve(m_lastRow.getOrDefault(src,
                e.row()) + 1));
            int i = Arrays.binarySearch(rows, e.row());
            return i < 0 ? -1 : i;
        };
    }
}
