package org.knime.core.data.container;

import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.RowKey;
import org.knime.core.node.ExecutionMonitor;

/**
 * Stand-in for KNIME's {@code AbstractCellFactory} (compile/test only, never shipped): a {@link CellFactory} with
 * fixed column specs and progress reporting. The stand-in always processes rows sequentially; the parallel
 * processing settings are kept but have no effect.
 */
public abstract class AbstractCellFactory implements CellFactory {

    private final DataColumnSpec[] m_colSpecs;

    private boolean m_parallel;

    private int m_workers;

    private int m_queueSize;

    /** @param colSpecs the specs of the new columns */
    public AbstractCellFactory(final DataColumnSpec... colSpecs) {
        this(false, colSpecs);
    }

    /**
     * @param processConcurrently whether KNIME may process rows concurrently
     * @param colSpecs the specs of the new columns
     */
    public AbstractCellFactory(final boolean processConcurrently, final DataColumnSpec... colSpecs) {
        this(processConcurrently, Runtime.getRuntime().availableProcessors(),
            10 * Runtime.getRuntime().availableProcessors(), colSpecs);
    }

    /**
     * @param processConcurrently whether KNIME may process rows concurrently
     * @param workerCount the number of workers
     * @param maxQueueSize the queue size
     * @param colSpecs the specs of the new columns
     */
    public AbstractCellFactory(final boolean processConcurrently, final int workerCount, final int maxQueueSize,
        final DataColumnSpec... colSpecs) {
        if (colSpecs == null) {
            throw new NullPointerException("Column specs must not be null");
        }
        m_colSpecs = colSpecs.clone();
        setParallelProcessing(processConcurrently, workerCount, maxQueueSize);
    }

    /** @param value whether KNIME may process rows concurrently */
    public final void setParallelProcessing(final boolean value) {
        m_parallel = value;
    }

    /** @return whether KNIME may process rows concurrently */
    public final boolean isParallelProcessing() {
        return m_parallel;
    }

    /**
     * @param value whether KNIME may process rows concurrently
     * @param maxParallelWorkers the number of workers
     * @param maxQueueSize the queue size
     */
    public final void setParallelProcessing(final boolean value, final int maxParallelWorkers,
        final int maxQueueSize) {
        m_parallel = value;
        m_workers = maxParallelWorkers;
        m_queueSize = maxQueueSize;
    }

    /** @return the number of workers */
    public final int getMaxParallelWorkers() {
        return m_workers;
    }

    /** @return the queue size */
    public final int getMaxQueueSize() {
        return m_queueSize;
    }

    @Override
    public DataColumnSpec[] getColumnSpecs() {
        return m_colSpecs.clone();
    }

    /** Called once after all rows were processed; does nothing by default. */
    public void afterProcessing() {
        // hook
    }

    @Deprecated
    @Override
    public void setProgress(final int curRowNr, final int rowCount, final RowKey lastKey,
        final ExecutionMonitor exec) {
        setProgress((long)curRowNr, (long)rowCount, lastKey, exec);
    }

    @Override
    public void setProgress(final long curRowNr, final long rowCount, final RowKey lastKey,
        final ExecutionMonitor exec) {
        if (rowCount > 0) {
            exec.setProgress(curRowNr / (double)rowCount, () -> "Processed row " + curRowNr + "/" + rowCount
                + " (\"" + lastKey + "\")");
        }
    }
}
