package org.knime.core.node.streamable;

/** Stand-in for KNIME's {@code PartitionInfo} (compile/test only, never shipped): which partition an operator runs. */
public class PartitionInfo {

    private final int m_index;

    private final int m_count;

    /**
     * @param partitionIndex index of this partition
     * @param partitionCount number of partitions
     */
    public PartitionInfo(final int partitionIndex, final int partitionCount) {
        m_index = partitionIndex;
        m_count = partitionCount;
    }

    /** @return index of this partition */
    public int getPartitionIndex() {
        return m_index;
    }

    /** @return number of partitions */
    public int getPartitionCount() {
        return m_count;
    }
}
