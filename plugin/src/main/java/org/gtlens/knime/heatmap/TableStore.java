package org.gtlens.knime.heatmap;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A compact copy of what the view needs of the input table (kind, source, facets, cell, value, labels, block and
 * head of each row), so that its pickers can draw any source, kind, block or head without the table, also after the
 * workflow is saved and opened again. Texts are stored once each; a row costs 44 bytes. The copy stops at a
 * capacity fixed from the heap: a larger table is drawn as configured and the view says why it cannot explore it.
 */
final class TableStore {

    /** Bytes one stored row takes (11 ints or floats). */
    static final int BYTES_PER_ROW = 44;

    private static final int VERSION = 2;

    private final long m_capacity;

    private final List<String> m_texts = new ArrayList<>();

    private final Map<String, Integer> m_ids = new HashMap<>();

    /** kind, source, facet row, facet column, row label, column label (text ids, -1 for null). */
    private int[][] m_textCols = new int[6][];

    /** row, column, block, head. */
    private int[][] m_intCols = new int[4][];

    private float[] m_values;

    private int m_size;

    private long m_offered;

    private final Set<String> m_sources = new LinkedHashSet<>();

    private final Set<String> m_kinds = new LinkedHashSet<>();

    private int m_maxBlock = -1;

    private int m_maxHead = -1;

    /** The largest matrix row of each source (its last position), over every row offered. */
    private final Map<String, Integer> m_lastRow = new HashMap<>();

    /** @param capacity how many rows at most are kept */
    TableStore(final long capacity) {
        m_capacity = Math.min(capacity, Integer.MAX_VALUE - 8);
        allocate(16);
    }

    /** Rows the store keeps within a memory budget of {@code bytes}. */
    static long capacityFor(final long bytes) {
        return Math.max(0, bytes / BYTES_PER_ROW);
    }

    private void allocate(final int n) {
        for (int i = 0; i < m_textCols.length; i++) {
            m_textCols[i] = m_textCols[i] == null ? new int[n] : Arrays.copyOf(m_textCols[i], n);
        }
        for (int i = 0; i < m_intCols.length; i++) {
            m_intCols[i] = m_intCols[i] == null ? new int[n] : Arrays.copyOf(m_intCols[i], n);
        }
        m_values = m_values == null ? new float[n] : Arrays.copyOf(m_values, n);
    }

    private int id(final String text) {
        if (text == null) {
            return -1;
        }
        return m_ids.computeIfAbsent(text, t -> {
            m_texts.add(t);
            return m_texts.size() - 1;
        });
    }

    private String text(final int id) {
        return id < 0 ? null : m_texts.get(id);
    }

    /** Keeps one row, unless the store is full (then it counts it only). */
    void add(final HeatmapBuilder.Entry e) {
        m_offered++;
        m_maxBlock = Math.max(m_maxBlock, e.block());
        m_maxHead = Math.max(m_maxHead, e.head());
        m_lastRow.merge(e.source(), e.row(), Math::max);
        if (m_size >= m_capacity) {
            return;
        }
        if (m_size == m_values.length) {
            allocate((int)Math.min(m_capacity, Math.max(16L, 2L * m_size)));
        }
        int i = m_size++;
        m_textCols[0][i] = id(e.kind());
        m_textCols[1][i] = id(e.source());
        m_textCols[2][i] = id(e.facetRow());
        m_textCols[3][i] = id(e.facetCol());
        m_textCols[4][i] = id(e.rowLabel());
        m_textCols[5][i] = id(e.colLabel());
        m_intCols[0][i] = e.row();
        m_intCols[1][i] = e.col();
        m_intCols[2][i] = e.block();
        m_intCols[3][i] = e.head();
        m_values[i] = (float)e.value();
        m_sources.add(e.source());
        m_kinds.add(e.kind());
    }

    /** @return true when every row offered was kept */
    boolean complete() {
        return m_size == m_offered;
    }

    /** @return rows offered (kept or not) */
    long offered() {
        return m_offered;
    }

    long capacity() {
        return m_capacity;
    }

    int size() {
        return m_size;
    }

    /** @return source row IDs in table order ("" when the table has none) */
    List<String> sources() {
        return List.copyOf(m_sources);
    }

    /** @return kinds in table order ("" when the table has no kind column) */
    List<String> kinds() {
        return List.copyOf(m_kinds);
    }

    /** @return the largest block seen, or -1 */
    int maxBlock() {
        return m_maxBlock;
    }

    /** @return the largest head seen, or -1 */
    int maxHead() {
        return m_maxHead;
    }

    /**
     * Which figure row each entry goes to when only some positions are drawn: the chosen rows of its own source
     * (so {@code last} is each sequence's own last position), numbered in order; -1 for the others. Null for all.
     */
    java.util.function.ToIntFunction<HeatmapBuilder.Entry> rows(final org.gtlens.repr.IndexList positions) {
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

    /** @return the largest matrix row of any source, or -1 */
    int maxRow() {
        int max = -1;
        for (int r : m_lastRow.values()) {
            max = Math.max(max, r);
        }
        return max;
    }

    /** Hands every kept row to {@code sink}, in table order. */
    void replay(final Consumer<HeatmapBuilder.Entry> sink) {
        for (int i = 0; i < m_size; i++) {
            sink.accept(new HeatmapBuilder.Entry(text(m_textCols[0][i]), text(m_textCols[1][i]),
                text(m_textCols[2][i]), text(m_textCols[3][i]), m_intCols[0][i], m_intCols[1][i], m_values[i],
                text(m_textCols[4][i]), text(m_textCols[5][i]), m_intCols[2][i], m_intCols[3][i]));
        }
    }

    void write(final DataOutputStream out) throws IOException {
        out.writeInt(VERSION);
        out.writeInt(m_texts.size());
        for (String t : m_texts) {
            out.writeUTF(t);
        }
        out.writeInt(m_size);
        for (int i = 0; i < m_size; i++) {
            for (int[] c : m_textCols) {
                out.writeInt(c[i]);
            }
            for (int[] c : m_intCols) {
                out.writeInt(c[i]);
            }
            out.writeFloat(m_values[i]);
        }
    }

    /** Reads a store written by {@link #write}; an unknown version or a cut file is an IOException. */
    static TableStore read(final DataInputStream in) throws IOException {
        int version = in.readInt();
        if (version != VERSION) {
            throw new IOException("Unknown version " + version + " of the saved heatmap table.");
        }
        int texts = in.readInt();
        List<String> list = new ArrayList<>();
        for (int i = 0; i < texts; i++) {
            list.add(in.readUTF());
        }
        int size = in.readInt();
        if (size < 0) {
            throw new IOException("The saved heatmap table is damaged (" + size + " rows).");
        }
        TableStore s = new TableStore(size);
        for (int i = 0; i < size; i++) {
            int[] t = new int[6];
            for (int j = 0; j < 6; j++) {
                t[j] = in.readInt();
                if (t[j] < -1 || t[j] >= list.size()) {
                    throw new IOException("The saved heatmap table is damaged (text " + t[j] + ").");
                }
            }
            int row = in.readInt();
            int col = in.readInt();
            int block = in.readInt();
            int head = in.readInt();
            float v = in.readFloat();
            s.add(new HeatmapBuilder.Entry(text(list, t[0]), text(list, t[1]), text(list, t[2]), text(list, t[3]),
                row, col, v, text(list, t[4]), text(list, t[5]), block, head));
        }
        return s;
    }

    private static String text(final List<String> list, final int id) {
        return id < 0 ? null : list.get(id);
    }
}
