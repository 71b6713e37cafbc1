package org.gtlens.repr;

import java.util.Arrays;
import java.util.BitSet;
import java.util.Locale;
import java.util.StringJoiner;

import org.gtlens.model.ModelInfo;

/**
 * A choice of indices as people write it: {@code 0,10-11}, {@code last}, {@code 0,last}, or everything. Blocks and
 * heads resolve it against the model ({@code last} = the last block or head), positions against each sequence's
 * length ({@code last} = its last position). Immutable.
 */
public final class IndexList {

    /** Every index. */
    public static final IndexList ALL = new IndexList(null, false, "all");

    /** The last index only. */
    public static final IndexList LAST = new IndexList(new int[0], true, "last");

    /** Largest index a list may name (far beyond any model's blocks, heads or length). */
    private static final int MAX_INDEX = 1 << 24;

    /** The explicit indices, sorted and distinct; null for all. */
    private final int[] indices;
    private final boolean last;
    private final String text;

    private IndexList(int[] indices, boolean last, String text) {
        this.indices = indices;
        this.last = last;
        this.text = text;
    }

    /**
     * Parses a list: comma-separated indices and ranges {@code a-b} (inclusive), and {@code last}; blank or
     * {@code all} means every index.
     *
     * @throws IllegalArgumentException naming the part that is not an index, a range or {@code last}
     */
    public static IndexList parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (t.isEmpty() || t.equals("all")) {
            return ALL;
        }
        BitSet set = new BitSet();
        boolean last = false;
        for (String raw : t.split(",", -1)) {
            String part = raw.strip();
            if (part.equals("last")) {
                last = true;
                continue;
            }
            int dash = part.indexOf('-');
            int from = dash < 0 ? index(part, raw) : index(part.substring(0, dash), raw);
            int to = dash < 0 ? from : index(part.substring(dash + 1), raw);
            if (to < from) {
                throw new IllegalArgumentException("'" + raw.strip() + "' is an empty range (" + to + " < " + from
                        + ")");
            }
            set.set(from, to + 1);
        }
        StringJoiner canonical = new StringJoiner(",");
        int[] indices = set.stream().toArray();
        for (int i = 0; i < indices.length; i++) {
            int j = i;
            while (j + 1 < indices.length && indices[j + 1] == indices[j] + 1) {
                j++;
            }
            canonical.add(j > i ? indices[i] + "-" + indices[j] : Integer.toString(indices[i]));
            i = j;
        }
        if (last) {
            canonical.add("last");
        }
        return new IndexList(indices, last, canonical.toString());
    }

    private static int index(String s, String part) {
        String d = s.strip();
        boolean digits = !d.isEmpty() && d.length() <= 9;
        for (int i = 0; i < d.length() && digits; i++) {
            digits = d.charAt(i) >= '0' && d.charAt(i) <= '9';
        }
        if (!digits || Integer.parseInt(d) > MAX_INDEX) {
            throw new IllegalArgumentException("'" + part.strip() + "' is not an index, a range like 2-5 or 'last'");
        }
        return Integer.parseInt(d);
    }

    /** True when this list names every index. */
    public boolean isAll() {
        return indices == null;
    }

    /** The largest explicit index, or -1 when there is none (all, or only {@code last}). */
    public int maxExplicit() {
        return indices == null || indices.length == 0 ? -1 : indices[indices.length - 1];
    }

    /**
     * The chosen indices among {@code 0..size-1}, sorted and distinct; explicit indices beyond the size are left out
     * (check them first with {@link #check}).
     */
    public int[] resolve(int size) {
        if (indices == null) {
            int[] all = new int[size];
            for (int i = 0; i < size; i++) {
                all[i] = i;
            }
            return all;
        }
        int n = 0;
        while (n < indices.length && indices[n] < size) {
            n++;
        }
        int[] chosen = Arrays.copyOf(indices, n);
        if (last && size > 0 && (n == 0 || chosen[n - 1] != size - 1)) {
            chosen = Arrays.copyOf(chosen, n + 1);
            chosen[n] = size - 1;
        }
        return chosen;
    }

    /**
     * Checks a choice of blocks and of heads against a model.
     *
     * @throws IllegalArgumentException naming the first index the model does not have, e.g. "block 12 does not
     *                                  exist: the model has 12 blocks (0..11)"
     */
    public static void checkBlocksAndHeads(ModelInfo info, IndexList blocks, IndexList heads) {
        blocks.check(info.depth(), "block", "the model has " + info.depth() + " blocks (0.." + (info.depth() - 1)
                + ")");
        heads.check(info.heads(), "head", "the model has " + info.heads() + " heads per block (0.."
                + (info.heads() - 1) + ")");
    }

    /**
     * Throws when an explicit index is not below {@code size}.
     *
     * @param what what is indexed, for the message, e.g. "block"
     * @param of   what it belongs to, e.g. "the model has 12 blocks (0..11)"
     */
    public void check(int size, String what, String of) {
        if (maxExplicit() >= size) {
            throw new IllegalArgumentException(what + " " + maxExplicit() + " does not exist: " + of);
        }
    }

    /** The canonical text, e.g. {@code 0,10-11,last} or {@code all}; {@link #parse} reads it back. */
    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IndexList other && text.equals(other.text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }
}
