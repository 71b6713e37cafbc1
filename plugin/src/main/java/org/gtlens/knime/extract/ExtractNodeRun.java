package org.gtlens.knime.extract;

import org.gtlens.knime.table.KnimeTables;
import org.gtlens.model.ModelInfo;
import org.gtlens.repr.CancelledException;
import org.gtlens.repr.Extractor;
import org.gtlens.repr.Item;
import org.gtlens.repr.Sequence;
import org.gtlens.run.EmptySelection;
import org.gtlens.run.Output;
import org.gtlens.run.RunSinks;
import org.gtlens.run.TableJob;
import org.gtlens.run.TableRun;
import org.gtlens.run.TableSink;
import org.gtlens.runtime.GTransformer;
import org.gtlens.table.TableSchema;
import org.gtlens.table.Tables;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;
import org.knime.core.data.RowKey;
import org.knime.core.data.StringValue;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;

/**
 * One execution of Extract Representations over the core's {@link TableRun}: KNIME rows in (a row the model cannot
 * take fails the node or passes through with missing prediction cells), the run's rows out into KNIME tables, shared
 * by the normal and the streaming execution. Memory is bounded by one batch.
 */
final class ExtractNodeRun implements RunSinks<DataRow> {

    /** Where input rows come from (a table iterator or a streaming row input). */
    @FunctionalInterface
    interface RowSource {
        /** @return the next row, or null at the end */
        DataRow poll() throws Exception;
    }

    /** Where output rows go (a data container or a streaming row output). */
    @FunctionalInterface
    interface RowDestination {
        void push(DataRow row) throws Exception;
    }

    /** Where the prediction cells of each input row go, in input order. */
    @FunctionalInterface
    interface PredictionSink {
        /**
         * @param origin the input row
         * @param appended the cells the predictions output appends to it (missing cells for a skipped row)
         */
        void push(DataRow origin, DataCell[] appended) throws Exception;
    }

    private final GTransformer m_model;

    private final TableJob m_job;

    private final SequenceReader m_reader;

    private final boolean m_skip;

    /** The group column (aggregating per group), or -1. */
    private final int m_groupColumn;

    private PredictionSink m_predictions;

    private RowDestination m_second;

    private long m_outRows;

    private long m_skipped;

    private String m_firstSkipReason;

    private long m_rowsDone;

    /** The selection's rule for sequences it keeps no position of. */
    private final EmptySelection m_empty;

    /** What the selection kept nothing of, or null. */
    private String m_selectionWarning;

    ExtractNodeRun(final GTransformer model, final ExtractSettings settings, final SequenceReader reader,
        final int groupColumn) throws InvalidSettingsException {
        m_model = model;
        m_job = settings.job(model.info());
        m_reader = reader;
        m_skip = settings.skipBadRows();
        m_groupColumn = groupColumn;
        m_empty = new EmptySelection(m_job.selection(), "Positions", settings.m_positions.getStringValue());
    }

    /**
     * Runs every row of the input through the model and pushes the rows of both outputs, batch by batch.
     *
     * @param in the input rows
     * @param predictions the predictions output
     * @param second the second output (representations, head scores or lens statistics)
     * @param exec progress and cancellation
     * @param total rows of the input, or -1 when unknown (streaming)
     * @throws Exception a {@link SequenceReader.BadRowException} (fail policy), a canceled execution, a model error
     */
    void run(final RowSource in, final PredictionSink predictions, final RowDestination second, final ExecutionMonitor exec,
        final long total) throws Exception {
        m_predictions = predictions;
        m_second = second;
        TableRun<DataRow> run = new TableRun<>(m_job, m_model, this::group);
        try {
            Extractor.ItemSource<DataRow> rows = () -> next(in);
            boolean selects = m_job.writes(Output.REPRESENTATIONS) && !m_job.selection().kinds().isEmpty();
            m_rowsDone = run.run(selects ? m_empty.watch(rows, w -> m_selectionWarning = w) : rows, this,
                done -> progress(exec, done, total), () -> canceled(exec));
        } catch (CancelledException e) {
            throw new CanceledExecutionException(e.getMessage());
        }
    }

    private static boolean canceled(final ExecutionMonitor exec) {
        try {
            exec.checkCanceled();
            return false;
        } catch (CanceledExecutionException e) {
            return true;
        }
    }

    @Override
    public TableSink table(final Output output) {
        TableSchema schema = m_job.schema(output, m_model.info());
        return values -> m_second.push(KnimeTables.row(schema, RowKey.createRowKey(m_outRows++), values));
    }

    @Override
    public void prediction(final Item<DataRow> item, final Object[] row) throws Exception {
        m_predictions.push(item.origin(), ExtractSpecs.predictionCells(row));
    }

    /** The group of a row: the group column's value, or all rows in one group. */
    private String group(final DataRow row) {
        if (m_groupColumn < 0) {
            return Tables.ALL_GROUP;
        }
        DataCell c = row.getCell(m_groupColumn);
        return c.isMissing() ? Tables.MISSING_GROUP
            : c instanceof StringValue sv ? sv.getStringValue() : c.toString();
    }

    private Item<DataRow> next(final RowSource in) throws Exception {
        DataRow row = in.poll();
        if (row == null) {
            return null;
        }
        try {
            return new Item<>(row, new Sequence(row.getKey().getString(), m_reader.read(row)));
        } catch (SequenceReader.BadRowException e) {
            if (!m_skip) {
                throw e;
            }
            m_skipped++;
            if (m_firstSkipReason == null) {
                m_firstSkipReason = e.getMessage();
            }
            return Item.passThrough(row);
        }
    }

    private static void progress(final ExecutionMonitor exec, final long done, final long total) {
        if (total > 0) {
            exec.setProgress(Math.min(1.0, done / (double)total), () -> done + " of " + total + " sequences");
        } else {
            exec.setMessage(() -> done + " sequences");
        }
    }

    ModelInfo info() {
        return m_model.info();
    }

    /** @return rows read */
    long rowsDone() {
        return m_rowsDone;
    }

    /** @return rows skipped (skip policy) */
    long skipped() {
        return m_skipped;
    }

    /** @return the sequences the selection kept no position of, as a warning, or null */
    String selectionWarning() {
        return m_selectionWarning;
    }

    /** @return why the first skipped row was skipped, or null */
    String firstSkipReason() {
        return m_firstSkipReason;
    }
}
