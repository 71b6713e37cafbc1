package org.gtlens.knime.extract;

import java.util.List;
import java.util.Set;

import org.gtlens.analysis.CellAggregate;
import org.gtlens.analysis.Summaries;
import org.gtlens.knime.table.KnimeTables;
import org.gtlens.model.Kind;
import org.gtlens.model.ModelInfo;
import org.gtlens.repr.BatchResult;
import org.gtlens.repr.Extractor;
import org.gtlens.repr.Item;
import org.gtlens.repr.Matrix;
import org.gtlens.repr.Prediction;
import org.gtlens.repr.Sequence;
import org.gtlens.table.Layouts;
import org.gtlens.table.PredictionText;
import org.gtlens.table.RowSink;
import org.gtlens.csv.input.SequenceCsvReader;
import org.gtlens.table.TableSchema;
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
 * What Extract Representations adds to the core's batching, shared by the normal and the streaming execution: the
 * output specs, the bad-row policy (a row the model cannot take fails the node or passes through with missing
 * prediction cells) and the cells of both outputs. Rows come from any {@link RowSource} and go to any
 * {@link Output}; memory is bounded by one batch.
 */
final class Extraction {

    /** Where input rows come from (a table iterator or a streaming row input). */
    @FunctionalInterface
    interface RowSource {
        /** @return the next row, or null at the end */
        DataRow poll() throws Exception;
    }

    /** Where output rows go (a data container or a streaming row output). */
    @FunctionalInterface
    interface Output {
        void push(DataRow row) throws Exception;
    }

    /** Where the prediction cells of each input row go, in input order. */
    @FunctionalInterface
    interface PredictionSink {
        /**
         * @param origin the input row
         * @param appended the cells the predictions output appends to it ({@link #PREDICTION_CELLS}; missing cells
         *        for a skipped row)
         */
        void push(DataRow origin, DataCell[] appended) throws Exception;
    }

    /** Cells the predictions output appends to each input row. */
    private static final int PREDICTION_CELLS = Tables.PREDICTIONS.from(Tables.NEXT_TOKEN.key()).size();

    private final Extractor m_extractor;

    private final ModelInfo m_info;

    private final Set<Kind> m_kinds;

    private final boolean m_matrix;

    private final int m_width;

    private final SequenceReader m_reader;

    private final boolean m_skip;

    private final ExtractSettings m_settings;

    /** The group column (aggregating per group), or -1. */
    private final int m_groupColumn;

    private final CellAggregate m_cells;

    private final Summaries m_summaries;

    private long m_outRows;

    private long m_skipped;

    private String m_firstSkipReason;

    private long m_rowsDone;

    Extraction(final Extractor extractor, final ModelInfo info, final ExtractSettings settings,
        final SequenceReader reader, final int groupColumn) {
        m_extractor = extractor;
        m_settings = settings;
        m_groupColumn = groupColumn;
        boolean representations = settings.secondOutput() == ExtractSettings.OUTPUT_REPRESENTATIONS;
        m_cells = representations && settings.aggregated() ? new CellAggregate(info, extractor.selection()) : null;
        m_summaries = representations ? null : new Summaries(info, extractor.selection(), settings.aggregated());
        m_info = info;
        m_kinds = settings.kinds();
        m_matrix = settings.matrixLayout();
        m_width = Layouts.matrixWidth(info, m_kinds);
        m_reader = reader;
        m_skip = settings.skipBadRows();
    }

    // ---------------------------------------------------------------------------------------------- specs

    /** @return the spec of the predictions output: the input columns plus the prediction columns */
    static DataTableSpec predictionSpec(final DataTableSpec in) {
        return KnimeTables.appended(in, Tables.PREDICTIONS.from(Tables.NEXT_TOKEN.key()));
    }

    /** @return the specs of the columns the predictions output appends to the input (names unique against it) */
    static org.knime.core.data.DataColumnSpec[] appendedSpecs(final DataTableSpec in) {
        DataTableSpec all = predictionSpec(in);
        org.knime.core.data.DataColumnSpec[] specs = new org.knime.core.data.DataColumnSpec[PREDICTION_CELLS];
        for (int i = 0; i < specs.length; i++) {
            specs[i] = all.getColumnSpec(in.getNumColumns() + i);
        }
        return specs;
    }

    /** @return the input row with the appended cells after its own (the streaming output's rows) */
    static DataRow joined(final DataRow row, final DataCell[] appended) {
        int n = row.getNumCells();
        DataCell[] cells = new DataCell[n + appended.length];
        for (int i = 0; i < n; i++) {
            cells[i] = row.getCell(i);
        }
        System.arraycopy(appended, 0, cells, n, appended.length);
        return new DefaultRow(row.getKey(), cells);
    }

    /**
     * @param settings the node's settings
     * @param info the model
     * @return the spec of the second output: representations (long, matrix or aggregated), head scores or logit-lens
     *         statistics (per row or aggregated)
     */
    static DataTableSpec secondSpec(final ExtractSettings settings, final ModelInfo info) {
        return KnimeTables.spec(secondSchema(settings, info));
    }

    private static TableSchema secondSchema(final ExtractSettings settings, final ModelInfo info) {
        boolean agg = settings.aggregated();
        if (settings.secondOutput() == ExtractSettings.OUTPUT_HEAD_SCORES) {
            return agg ? Tables.AGGREGATED_HEAD_SCORES : Tables.HEAD_SCORES;
        }
        if (settings.secondOutput() == ExtractSettings.OUTPUT_LENS_STATS) {
            return agg ? Tables.AGGREGATED_LENS_STATS : Tables.LENS_STATS;
        }
        return agg ? Tables.AGGREGATED_LONG : settings.matrixLayout()
            ? Tables.matrix(Layouts.matrixWidth(info, settings.kinds())) : Tables.LONG;
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
     * Runs every row of the input through the model and pushes the rows of both outputs, batch by batch.
     *
     * @param in the input rows
     * @param predictions the predictions output
     * @param representations the representations output
     * @param exec progress and cancellation
     * @param total rows of the input, or -1 when unknown (streaming)
     * @throws Exception a {@link SequenceReader.BadRowException} (fail policy), a canceled execution, a model error
     */
    void run(final RowSource in, final PredictionSink predictions, final Output representations,
        final ExecutionMonitor exec, final long total) throws Exception {
        // rows of the aggregated or summary tables, which the core hands over as values
        TableSchema schema = secondSchema(m_settings, m_info);
        RowSink<Exception> rows = values -> representations.push(KnimeTables.row(schema, nextKey(), values));
        m_rowsDone = m_extractor.run(() -> next(in), (batch, items) -> {
            exec.checkCanceled();
            push(batch, items, predictions, representations, rows);
        }, done -> progress(exec, done, total), () -> false);
        if (m_cells != null) {
            m_cells.write(rows);
        } else if (m_summaries != null && m_settings.aggregated()) {
            if (m_settings.secondOutput() == ExtractSettings.OUTPUT_HEAD_SCORES) {
                m_summaries.writeHeadScores(rows);
            } else {
                m_summaries.writeLensStats(rows);
            }
        }
    }

    /** The group of a row: the group column's value, or all rows in one group. */
    private String group(final DataRow row) {
        if (m_groupColumn < 0) {
            return Tables.ALL_GROUP;
        }
        DataCell c = row.getCell(m_groupColumn);
        return c.isMissing() ? SequenceCsvReader.MISSING_GROUP
            : c instanceof org.knime.core.data.StringValue sv ? sv.getStringValue() : c.toString();
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

    private void push(final BatchResult batch, final List<Item<DataRow>> items, final PredictionSink predictions,
        final Output representations, final RowSink<Exception> rows) throws Exception {
        int s = 0;
        for (Item<DataRow> item : items) {
            predictions.push(item.origin(), item.runs() ? predictionCells(batch.prediction(s++)) : missingCells());
        }
        if (batch == null) {
            return;
        }
        if (m_cells != null || m_summaries != null) {
            RowSink<Exception> none = values -> { };
            boolean heads = m_settings.secondOutput() == ExtractSettings.OUTPUT_HEAD_SCORES;
            List<DataRow> origins = Item.runningOrigins(items);
            for (int i = 0; i < batch.size(); i++) {
                if (m_cells != null) {
                    m_cells.add(group(origins.get(i)), batch, i);
                } else {
                    m_summaries.add(batch, i, group(origins.get(i)), heads ? rows : none, heads ? none : rows);
                }
            }
            return;
        }
        if (m_matrix) {
            Layouts.writeMatrix(batch, m_extractor.selection(), (seq, block, head, kind, row, rowLabel, m, cols, n) ->
                representations.push(new DefaultRow(nextKey(), matrixCells(seq, block, head, kind, row, rowLabel, m, cols,
                    n))));
        } else {
            Layouts.writeLong(batch, m_extractor.selection(), (seq, block, head, kind, row, col, rowLabel, colLabel, value) -> {
                DataCell[] cells = {new StringCell(seq.id()), new IntCell(block), headCell(head),
                    new StringCell(kind.contractName()), new IntCell(row), new IntCell(col), new StringCell(rowLabel),
                    new StringCell(colLabel), new DoubleCell(value)};
                representations.push(new DefaultRow(nextKey(), cells));
            });
        }
    }

    private static void progress(final ExecutionMonitor exec, final long done, final long total) {
        if (total > 0) {
            exec.setProgress(Math.min(1.0, done / (double)total), () -> done + " of " + total + " sequences");
        } else {
            exec.setMessage(() -> done + " sequences");
        }
    }

    private static DataCell headCell(final int head) {
        return head < 0 ? DataType.getMissingCell() : new IntCell(head);
    }

    private DataCell[] matrixCells(final Sequence seq, final int block, final int head, final Kind kind,
        final int row, final String rowLabel, final Matrix m, final int[] cols, final int n) {
        DataCell[] cells = new DataCell[Tables.MATRIX_KEYS.columns().size() + m_width];
        cells[0] = new StringCell(seq.id());
        cells[1] = new IntCell(block);
        cells[2] = headCell(head);
        cells[3] = new StringCell(kind.contractName());
        cells[4] = new IntCell(row);
        cells[5] = new StringCell(rowLabel);
        java.util.Arrays.fill(cells, 6, cells.length, DataType.getMissingCell());
        for (int i = 0; i < n; i++) {
            cells[6 + cols[i]] = new DoubleCell(m.get(row, cols[i]));
        }
        return cells;
    }

    private DataCell[] predictionCells(final Prediction p) {
        return new DataCell[]{new IntCell(p.last()), new StringCell(m_info.tokenLabel(p.last())),
            new DoubleCell(p.lastProbability()), new StringCell(PredictionText.tokens(p)),
            new StringCell(PredictionText.probabilities(p))};
    }

    private static DataCell[] missingCells() {
        DataCell[] cells = new DataCell[PREDICTION_CELLS];
        java.util.Arrays.fill(cells, DataType.getMissingCell());
        return cells;
    }

    private RowKey nextKey() {
        return RowKey.createRowKey(m_outRows++);
    }

    /** @return rows read */
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
