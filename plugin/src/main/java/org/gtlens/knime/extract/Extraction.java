package org.gtlens.knime.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.gtlens.model.Kind;
import org.gtlens.model.ModelInfo;
import org.gtlens.repr.BatchResult;
import org.gtlens.repr.Extractor;
import org.gtlens.repr.Matrix;
import org.gtlens.repr.Prediction;
import org.gtlens.repr.Sequence;
import org.gtlens.knime.table.KnimeTables;
import org.gtlens.table.Layouts;
import org.gtlens.table.PredictionText;
import org.gtlens.table.Tables;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.RowKey;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.ExecutionMonitor;

/**
 * The work of Extract Representations, shared by the normal and the streaming execution: rows come in one at a
 * time, sequences are collected into batches of one length (at most the batch size), each batch runs through the
 * model and its rows go out at once to both outputs. Memory is bounded by one batch.
 */
final class Extraction {

    /** Where output rows go (a data container or a streaming row output). */
    @FunctionalInterface
    interface RowSink {
        void push(DataRow row) throws Exception;

        /** @return false once nobody reads this output any more (streaming): its rows need not be made */
        default boolean isOpen() {
            return true;
        }
    }

    /** Cells the predictions output appends to each input row. */
    private static final int PREDICTION_CELLS = Tables.PREDICTIONS.from(Tables.NEXT_TOKEN.key()).size();

    private record Pending(DataRow row, Sequence sequence) {
    }

    private final Extractor m_extractor;

    private final ModelInfo m_info;

    private final Set<Kind> m_kinds;

    private final boolean m_matrix;

    private final int m_width;

    private final SequenceReader m_reader;

    private final boolean m_skip;

    private final int m_batchSize;

    private final RowSink m_predictions;

    private final RowSink m_representations;

    private final ExecutionMonitor m_exec;

    private final long m_total;

    private final List<Pending> m_pending = new ArrayList<>();

    private int m_pendingSequences;

    private long m_rowsDone;

    private long m_outRows;

    private long m_skipped;

    private String m_firstSkipReason;

    Extraction(final Extractor extractor, final ModelInfo info, final ExtractSettings settings,
        final SequenceReader reader, final RowSink predictions, final RowSink representations,
        final ExecutionMonitor exec, final long totalRows) {
        m_extractor = extractor;
        m_info = info;
        m_kinds = settings.kinds();
        m_matrix = settings.matrixLayout();
        m_width = Layouts.matrixWidth(info, m_kinds);
        m_reader = reader;
        m_skip = settings.skipBadRows();
        m_batchSize = settings.m_batchSize.getIntValue();
        m_predictions = predictions;
        m_representations = representations;
        m_exec = exec;
        m_total = totalRows;
    }

    // ---------------------------------------------------------------------------------------------- specs

    /** @return the spec of the predictions output: the input columns plus the prediction columns */
    static DataTableSpec predictionSpec(final DataTableSpec in) {
        return KnimeTables.appended(in, Tables.PREDICTIONS.from(Tables.NEXT_TOKEN.key()));
    }

    /** @return the spec of the long-layout representation output */
    static DataTableSpec longSpec() {
        return KnimeTables.spec(Tables.LONG);
    }

    /**
     * @param info the model
     * @param kinds the kinds extracted
     * @return the spec of the matrix-layout representation output (c0..c(w-1), w the widest matrix)
     */
    static DataTableSpec matrixSpec(final ModelInfo info, final Set<Kind> kinds) {
        return KnimeTables.spec(Tables.matrix(Layouts.matrixWidth(info, kinds)));
    }

    // ---------------------------------------------------------------------------------------------- rows

    /**
     * Takes one input row; runs a batch when one is complete.
     *
     * @param row the row
     * @throws Exception a {@link SequenceReader.BadRowException} (fail policy), a canceled execution, a model error
     */
    void add(final DataRow row) throws Exception {
        int[] tokens;
        try {
            tokens = m_reader.read(row);
        } catch (SequenceReader.BadRowException e) {
            if (!m_skip) {
                throw e;
            }
            m_skipped++;
            if (m_firstSkipReason == null) {
                m_firstSkipReason = e.getMessage();
            }
            m_pending.add(new Pending(row, null));
            if (m_pending.size() >= m_batchSize) {
                flush();
            }
            return;
        }
        if (m_pendingSequences > 0 && currentLength() != tokens.length) {
            flush();
        }
        m_pending.add(new Pending(row, new Sequence(row.getKey().getString(), tokens)));
        m_pendingSequences++;
        if (m_pending.size() >= m_batchSize) {
            flush();
        }
    }

    /**
     * Runs the last batch.
     *
     * @throws Exception a canceled execution or a model error
     */
    void finish() throws Exception {
        flush();
    }

    private int currentLength() {
        for (Pending p : m_pending) {
            if (p.sequence() != null) {
                return p.sequence().length();
            }
        }
        return -1;
    }

    private void flush() throws Exception {
        if (m_pending.isEmpty()) {
            return;
        }
        m_exec.checkCanceled();
        List<Sequence> sequences = new ArrayList<>(m_pendingSequences);
        for (Pending p : m_pending) {
            if (p.sequence() != null) {
                sequences.add(p.sequence());
            }
        }
        BatchResult batch = sequences.isEmpty() ? null : m_extractor.extract(sequences);
        int s = 0;
        for (Pending p : m_pending) {
            if (!m_predictions.isOpen()) {
                break;
            }
            m_predictions.push(p.sequence() == null ? withMissing(p.row()) : withPrediction(p.row(),
                batch.prediction(s++)));
        }
        if (batch != null && m_representations.isOpen()) {
            if (m_matrix) {
                writeMatrix(batch);
            } else {
                writeLong(batch);
            }
        }
        m_rowsDone += m_pending.size();
        m_pending.clear();
        m_pendingSequences = 0;
        if (m_total > 0) {
            final long done = m_rowsDone;
            m_exec.setProgress(Math.min(1.0, done / (double)m_total), () -> done + " of " + m_total + " sequences");
        } else {
            final long done = m_rowsDone;
            m_exec.setMessage(() -> done + " sequences");
        }
    }

    private DataRow withPrediction(final DataRow row, final Prediction p) {
        int n = row.getNumCells();
        DataCell[] cells = new DataCell[n + PREDICTION_CELLS];
        for (int i = 0; i < n; i++) {
            cells[i] = row.getCell(i);
        }
        cells[n] = new IntCell(p.last());
        cells[n + 1] = new StringCell(m_info.tokenLabel(p.last()));
        cells[n + 2] = new DoubleCell(p.lastProbability());
        cells[n + 3] = new StringCell(PredictionText.tokens(p));
        cells[n + 4] = new StringCell(PredictionText.probabilities(p));
        return new DefaultRow(row.getKey(), cells);
    }

    private static DataRow withMissing(final DataRow row) {
        int n = row.getNumCells();
        DataCell[] cells = new DataCell[n + PREDICTION_CELLS];
        for (int i = 0; i < n; i++) {
            cells[i] = row.getCell(i);
        }
        for (int i = n; i < cells.length; i++) {
            cells[i] = DataType.getMissingCell();
        }
        return new DefaultRow(row.getKey(), cells);
    }

    private RowKey nextKey() {
        return RowKey.createRowKey(m_outRows++);
    }

    private void writeLong(final BatchResult batch) throws Exception {
        try {
            Layouts.writeLong(batch, m_kinds, (seq, block, head, kind, row, col, rowLabel, colLabel, value) -> {
                DataCell[] cells = {new StringCell(seq.id()), new IntCell(block),
                    head < 0 ? DataType.getMissingCell() : new IntCell(head), new StringCell(kind.contractName()),
                    new IntCell(row), new IntCell(col), new StringCell(rowLabel), new StringCell(colLabel),
                    new DoubleCell(value)};
                pushOrWrap(new DefaultRow(nextKey(), cells));
            });
        } catch (WrappedException e) {
            throw e.cause;
        }
    }

    private void writeMatrix(final BatchResult batch) throws Exception {
        try {
            Layouts.writeMatrix(batch, m_kinds, (seq, block, head, kind, row, rowLabel, m) -> {
                DataCell[] cells = new DataCell[6 + m_width];
                cells[0] = new StringCell(seq.id());
                cells[1] = new IntCell(block);
                cells[2] = head < 0 ? DataType.getMissingCell() : new IntCell(head);
                cells[3] = new StringCell(kind.contractName());
                cells[4] = new IntCell(row);
                cells[5] = new StringCell(rowLabel);
                fillRow(cells, m, row);
                pushOrWrap(new DefaultRow(nextKey(), cells));
            });
        } catch (WrappedException e) {
            throw e.cause;
        }
    }

    private void fillRow(final DataCell[] cells, final Matrix m, final int row) {
        for (int c = 0; c < m_width; c++) {
            cells[6 + c] = c < m.cols() ? new DoubleCell(m.get(row, c)) : DataType.getMissingCell();
        }
    }

    /** Carries a checked exception of a sink through the core's IOException-only callbacks. */
    private static final class WrappedException extends java.io.IOException {
        private static final long serialVersionUID = 1L;

        final transient Exception cause;

        WrappedException(final Exception cause) {
            super(cause);
            this.cause = cause;
        }
    }

    private void pushOrWrap(final DataRow row) throws WrappedException {
        try {
            m_representations.push(row);
        } catch (Exception e) {
            throw new WrappedException(e);
        }
    }

    /** @return whether any output still takes rows */
    boolean anyOutputOpen() {
        return m_predictions.isOpen() || m_representations.isOpen();
    }

    /** @return rows read so far */
    long rowsDone() {
        return m_rowsDone;
    }

    /** @return rows skipped (skip policy) */
    long skipped() {
        return m_skipped;
    }

    /** @return why the first skipped row was skipped, or null */
    String firstSkipReason() {
        return m_firstSkipReason;
    }
}
