package org.gtlens.analysis;

import java.util.LinkedHashMap;
import java.util.Map;

import org.gtlens.model.Kind;
import org.gtlens.model.ModelInfo;
import org.gtlens.repr.BatchPlan;
import org.gtlens.repr.BatchResult;
import org.gtlens.repr.MemoryBudgetException;
import org.gtlens.repr.Matrix;
import org.gtlens.repr.Selection;
import org.gtlens.table.RowSink;

/**
 * The mean (count, mean, standard deviation) of every selected representation cell over the sequences of each group,
 * in one pass. Sequences of different lengths add to the cells they have, so counts can differ by cell. Memory is
 * one set of moments per group for the selected cells at the model's full length, whatever the number of sequences.
 */
public final class CellAggregate {

    private final ModelInfo info;
    private final Selection selection;
    private final int[] blocks;
    /** Per group: moments by [selected block][kind][head slot], each over t x columns cells. */
    private final Map<String, Moments[][][]> groups = new LinkedHashMap<>();

    public CellAggregate(ModelInfo info, Selection selection) {
        if (selection.topK() > 0) {
            throw new IllegalArgumentException("top-k keeps different tokens for each sequence; it cannot be "
                    + "aggregated");
        }
        this.info = info;
        this.selection = selection;
        this.blocks = selection.blocks(info);
    }

    /** Bytes the moments of one group take. */
    public long bytesPerGroup() {
        return Moments.bytes(cellsPerGroup());
    }

    /**
     * Bytes one group holds on the heap: its moments ({@link #bytesPerGroup}), one Moments object per block, kind and
     * head, and the arrays and map entry that hold them.
     */
    public long heldBytesPerGroup() {
        long objects = 0;
        for (Kind kind : selection.kinds()) {
            objects += heads(kind).length;
        }
        objects *= blocks.length;
        long arrays = 16 + blocks.length * (16 + Kind.values().length * 8L) + objects * 8;
        return bytesPerGroup() + objects * Moments.OBJECT_BYTES + arrays + 64;
    }

    /** Cells (values with their own count, mean and deviation) of one group at the model's full length. */
    public long cellsPerGroup() {
        long cells = 0;
        for (Kind kind : selection.kinds()) {
            cells += cells(kind) * heads(kind).length;
        }
        return cells * blocks.length;
    }

    /** True when only the cells on and below the diagonal are kept (a causal kind without its masked cells). */
    private boolean triangle(Kind kind) {
        return kind.causal() && !selection.keepMasked();
    }

    /** Cells of one matrix at full length: a triangle when the masked ones are left out. */
    private long cells(Kind kind) {
        long rows = kind.rows(info, info.t());
        return triangle(kind) ? rows * (rows + 1) / 2 : rows * kind.columns(info, info.t());
    }

    /** The index of cell (r, c) among {@link #cells}. */
    private int cell(Kind kind, int r, int c) {
        return (int) (triangle(kind) ? (long) r * (r + 1) / 2 + c : (long) r * kind.columns(info, info.t()) + c);
    }

    private int[] heads(Kind kind) {
        return selection.heads(info, kind);
    }

    /**
     * Adds the kept cells of sequence {@code seq} of a batch to its group.
     *
     * @throws MemoryBudgetException when a new group's moments would not fit in half of Java's heap
     */
    public void add(String group, BatchResult batch, int seq) throws MemoryBudgetException {
        Moments[][][] moments = groups.get(group);
        if (moments == null) {
            long needed = (groups.size() + 1) * bytesPerGroup();
            long heap = Runtime.getRuntime().maxMemory();
            long largest = 0;
            for (Kind kind : selection.kinds()) {
                largest = Math.max(largest, cells(kind));
            }
            if (needed > heap / 2 || largest > Integer.MAX_VALUE - 8) {
                throw new MemoryBudgetException("Aggregating " + (groups.size() + 1) + " groups needs "
                        + BatchPlan.mb(needed) + " (" + BatchPlan.mb(bytesPerGroup()) + " a group for the selected "
                        + "cells), more than half of Java's heap (" + BatchPlan.mb(heap) + "); select fewer kinds, "
                        + "blocks, heads or positions, use fewer groups, or give Java more memory.");
            }
            moments = new Moments[blocks.length][Kind.values().length][];
            groups.put(group, moments);
        }
        int length = batch.length();
        int[] rows = selection.rows(length);
        int[] cols = null;
        for (int bi = 0; bi < blocks.length; bi++) {
            for (Kind kind : selection.orderedKinds()) {
                int[] heads = heads(kind);
                Moments[] perHead = moments[bi][kind.ordinal()];
                if (perHead == null) {
                    perHead = new Moments[heads.length];
                    moments[bi][kind.ordinal()] = perHead;
                }
                for (int hi = 0; hi < heads.length; hi++) {
                    if (perHead[hi] == null) {
                        perHead[hi] = new Moments((int) cells(kind));
                    }
                    Matrix m = batch.matrix(seq, kind, blocks[bi], Math.max(0, heads[hi]));
                    if (cols == null || cols.length < m.cols()) {
                        cols = new int[m.cols()]; // what this batch has, not what the metadata allows
                    }
                    for (int r : rows) {
                        int n = selection.columns(kind, m, r, cols);
                        for (int i = 0; i < n; i++) {
                            perHead[hi].add(cell(kind, r, cols[i]), m.get(r, cols[i]));
                        }
                    }
                }
            }
        }
    }

    /** The groups seen, in the order their first sequence came. */
    public java.util.Set<String> groups() {
        return groups.keySet();
    }

    /**
     * Writes the {@code Tables.AGGREGATED_LONG} rows: by group, block, kind, head, row, column; only cells some
     * sequence had.
     */
    public <E extends Exception> void write(RowSink<E> sink) throws E {
        for (Map.Entry<String, Moments[][][]> g : groups.entrySet()) {
            for (int bi = 0; bi < blocks.length; bi++) {
                for (Kind kind : selection.orderedKinds()) {
                    Moments[] perHead = g.getValue()[bi][kind.ordinal()];
                    if (perHead == null) {
                        continue;
                    }
                    int width = kind.columns(info, info.t());
                    int rows = kind.rows(info, info.t());
                    int[] heads = heads(kind);
                    for (int hi = 0; hi < heads.length; hi++) {
                        Moments m = perHead[hi];
                        for (int r = 0; r < rows; r++) {
                            for (int c = 0; c < (triangle(kind) ? r + 1 : width); c++) {
                                int cell = cell(kind, r, c);
                                if (m.count(cell) == 0) {
                                    continue;
                                }
                                sink.row(g.getKey(), blocks[bi], heads[hi] < 0 ? null : heads[hi],
                                        kind.contractName(), r, c, kind.rowAxis().label(info, null, r),
                                        kind.colAxis().label(info, null, c), m.count(cell), m.mean(cell), m.std(cell));
                            }
                        }
                    }
                }
            }
        }
    }
}
