package org.gtlens.analysis;

import java.util.HashSet;
import java.util.Set;

import org.gtlens.model.ModelInfo;
import org.gtlens.repr.BatchPlan;
import org.gtlens.repr.MemoryBudgetException;
import org.gtlens.repr.Selection;

/**
 * The memory of group means counted against the run's budget: every distinct group holds the moments of its cells
 * (and, with summaries, of its head scores and lens statistics) until the run ends, so the number of groups a run may
 * have is bounded. A run asks {@link #see} for each sequence's group before the sequence is extracted, and stops with
 * one sentence naming the groups and cells when a new group would not fit, long before Java's heap runs out.
 */
public final class GroupMemory {

    /** Bytes a group's name costs in the set of names, besides its characters. */
    private static final long NAME_BYTES = 64;

    private final long budgetBytes;
    private final String budgetSetting;
    private final long cellsPerGroup;
    private final long bytesPerGroup;
    private final Set<String> groups = new HashSet<>();
    private long used;

    /**
     * @param summaries whether the head scores and lens statistics are aggregated too
     * @param plan      the run's plan, whose budget ({@link BatchPlan#budgetBytes()}) the groups may fill
     */
    public GroupMemory(ModelInfo info, Selection selection, boolean summaries, BatchPlan plan) {
        CellAggregate cells = new CellAggregate(info, selection);
        this.cellsPerGroup = cells.cellsPerGroup() + (summaries ? Summaries.cellsPerGroup(info, selection) : 0);
        this.bytesPerGroup = cells.heldBytesPerGroup() + (summaries ? Summaries.bytesPerGroup(info, selection) : 0);
        this.budgetBytes = plan.budgetBytes();
        this.budgetSetting = plan.budgetSetting();
    }

    private static String size(long bytes) {
        return bytes < 1 << 20 ? String.format(java.util.Locale.ROOT, "%.1f KB", bytes / 1024.0) : BatchPlan.mb(bytes);
    }

    /** Bytes one group holds. */
    public long bytesPerGroup() {
        return bytesPerGroup;
    }

    /**
     * Counts the group of the next sequence.
     *
     * @throws MemoryBudgetException when a new group's moments would take the groups beyond the budget
     */
    public void see(String group) throws MemoryBudgetException {
        if (groups.contains(group)) {
            return;
        }
        long needed = used + bytesPerGroup + NAME_BYTES + 2L * group.length();
        if (needed > budgetBytes) {
            throw new MemoryBudgetException("Means over more than " + groups.size() + " groups of " + cellsPerGroup
                    + " cells each (" + size(bytesPerGroup) + " a group) do not fit in the memory budget of "
                    + BatchPlan.mb(budgetBytes) + "; raise " + budgetSetting + ", group by a column with fewer "
                    + "values, or select fewer kinds, blocks or heads.");
        }
        used = needed;
        groups.add(group);
    }

    /**
     * Refuses, before a run starts, means over {@code groups} groups known up front (a causal run reads its whole
     * input first) when their moments would not fit in the budget, in one sentence naming the groups and cells.
     *
     * @param what          what the groups are, e.g. "groups" or "pairs"
     * @param bytesPerGroup bytes one group's moments take, keys and objects included
     */
    public static void requireFits(long groups, String what, long cellsPerGroup, long bytesPerGroup, long budgetBytes)
            throws MemoryBudgetException {
        long needed = groups * (bytesPerGroup + NAME_BYTES);
        if (groups > 1 && needed > budgetBytes) {
            throw new MemoryBudgetException("Means over " + groups + " " + what + " of " + cellsPerGroup
                    + " cells each (" + size(bytesPerGroup) + " each, " + BatchPlan.mb(needed) + " in all) do not "
                    + "fit in the memory budget of " + BatchPlan.mb(budgetBytes) + "; raise the memory budget, group "
                    + "by a column with fewer values, or choose fewer blocks or heads.");
        }
    }
}
