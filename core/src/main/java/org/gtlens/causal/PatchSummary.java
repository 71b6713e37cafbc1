package org.gtlens.causal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gtlens.analysis.Moments;
import org.gtlens.table.RowSink;

/**
 * Each site's count, mean and sample standard deviation of the restored share per group, over the group's pairs that
 * have the site (a position beyond a shorter pair's length is not counted) and separate; in one pass, memory per
 * group and site. Groups and sites come out in the order they first appear.
 */
public final class PatchSummary {

    private record Site(PatchSite site, int block, int head, int position) {
    }

    private final Map<String, Map<Site, Moments>> groups = new LinkedHashMap<>();

    /** Bytes one site of a group holds: its key, its moments of one cell and its map entry. */
    public static final long BYTES_PER_SITE = 32 + Moments.OBJECT_BYTES + Moments.bytes(1) + EffectSummary.ENTRY_BYTES;

    public void add(String group, PatchedValue value) {
        Moments m = groups.computeIfAbsent(group, g -> new LinkedHashMap<>())
                .computeIfAbsent(new Site(value.site(), value.block(), value.head(), value.position()),
                        s -> new Moments(1));
        if (value.value() != null) {
            m.add(0, value.value());
        }
    }

    /** The groups, in the order they first appeared. */
    public List<String> groups() {
        return List.copyOf(groups.keySet());
    }

    /**
     * The mean restored share of a site in a group, or NaN where no pair had a value.
     *
     * @param inner the head ({@link PatchSite#HEAD}) or the position ({@link PatchSite#RESID})
     */
    public double mean(String group, PatchSite site, int block, int inner) {
        Site key = site == PatchSite.HEAD ? new Site(site, block, inner, -1) : new Site(site, block, -1, inner);
        Moments m = groups.getOrDefault(group, Map.of()).get(key);
        return m == null || m.count(0) == 0 ? Double.NaN : m.mean(0);
    }

    /** The largest position of any resid site plus one (0 without resid sites). */
    public int positions() {
        int n = 0;
        for (Map<Site, Moments> sites : groups.values()) {
            for (Site s : sites.keySet()) {
                n = Math.max(n, s.position() + 1);
            }
        }
        return n;
    }

    /** Rows of {@link org.gtlens.table.Tables#AGGREGATED_PATCHING}. */
    public <E extends Exception> void write(RowSink<E> sink) throws E {
        for (Map.Entry<String, Map<Site, Moments>> g : groups.entrySet()) {
            for (Map.Entry<Site, Moments> e : g.getValue().entrySet()) {
                Site s = e.getKey();
                Moments m = e.getValue();
                int n = m.count(0);
                sink.row(g.getKey(), s.site().key(), s.block(), s.head() < 0 ? null : s.head(),
                        s.position() < 0 ? null : s.position(), n, n == 0 ? null : m.mean(0), m.std(0));
            }
        }
    }
}
