package org.gtlens.causal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.gtlens.analysis.Moments;
import org.gtlens.model.ModelInfo;
import org.gtlens.table.RowSink;

/**
 * Each metric's count, mean and sample standard deviation per group, block and head over the group's sequences whose
 * value is not missing, in one pass and memory per group (not per sequence). Groups come out in the order they first
 * appear.
 */
public final class EffectSummary {

    private final ModelInfo info;
    private final java.util.List<int[]> heads;
    private final Map<String, Moments> groups = new LinkedHashMap<>();

    /** @param heads the {block, head} pairs the summary has rows for */
    public EffectSummary(ModelInfo info, java.util.List<int[]> heads) {
        this.info = info;
        this.heads = java.util.List.copyOf(heads);
    }

    /** Moments one group holds: one per head and metric. */
    public long cellsPerGroup() {
        return (long) heads.size() * EffectMetric.values().length;
    }

    /** Bytes one group holds: its moments and its entry in the map of groups. */
    public long bytesPerGroup() {
        return Moments.OBJECT_BYTES + Moments.bytes(cellsPerGroup()) + ENTRY_BYTES;
    }

    /** Bytes of a map entry and its key's object, besides the key's characters. */
    static final long ENTRY_BYTES = 48;

    public void add(String group, HeadEffect effect) {
        Moments m = groups.computeIfAbsent(group, g -> new Moments(cells()));
        for (EffectMetric metric : EffectMetric.values()) {
            Double v = effect.value(metric);
            if (v != null) {
                m.add(cell(effect.block(), effect.head(), metric), v);
            }
        }
    }

    /**
     * Rows of {@link org.gtlens.table.Tables#AGGREGATED_ABLATION}: per group, block, head and metric; the mean
     * missing where no value was, the deviation where fewer than two were.
     */
    public <E extends Exception> void write(RowSink<E> sink) throws E {
        for (Map.Entry<String, Moments> e : groups.entrySet()) {
            Moments m = e.getValue();
            for (int[] bh : heads) {
                for (EffectMetric metric : EffectMetric.values()) {
                    int c = cell(bh[0], bh[1], metric);
                    int n = m.count(c);
                    sink.row(e.getKey(), bh[0], bh[1], metric.key(), n, n == 0 ? null : m.mean(c), m.std(c));
                }
            }
        }
    }

    /** The groups, in the order they first appeared. */
    public java.util.List<String> groups() {
        return java.util.List.copyOf(groups.keySet());
    }

    /** A metric's mean over a group's sequences, or NaN where none had a value. */
    public double mean(String group, int block, int head, EffectMetric metric) {
        Moments m = groups.get(group);
        int c = cell(block, head, metric);
        return m == null || m.count(c) == 0 ? Double.NaN : m.mean(c);
    }

    private int cells() {
        return info.depth() * info.heads() * EffectMetric.values().length;
    }

    private int cell(int block, int head, EffectMetric metric) {
        return (block * info.heads() + head) * EffectMetric.values().length + metric.ordinal();
    }
}
