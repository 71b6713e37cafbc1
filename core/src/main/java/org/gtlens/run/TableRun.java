package org.gtlens.run;

import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

import org.gtlens.analysis.CellAggregate;
import org.gtlens.analysis.GroupMemory;
import org.gtlens.analysis.Summaries;
import org.gtlens.model.ModelInfo;
import org.gtlens.repr.BatchResult;
import org.gtlens.repr.Extractor;
import org.gtlens.repr.Item;
import org.gtlens.repr.Selection;
import org.gtlens.runtime.GTransformer;
import org.gtlens.table.Layout;
import org.gtlens.table.LayoutRows;
import org.gtlens.table.Layouts;
import org.gtlens.table.PredictionRow;
import org.gtlens.table.Tables;

/**
 * The one run that turns input items into output tables, for the command line and the KNIME node alike: batches
 * through the model, the rows of the representation table (long, matrix, or aggregated per group at the end), the
 * summary tables, and every item's prediction, in input order. Front ends only supply the sinks, so the same input
 * gives the same rows in both. Memory is one batch plus the per-group moments of an aggregation, which count against
 * the same budget ({@link GroupMemory}).
 *
 * @param <T> the front end's unit of input, from which the group of an item is read
 */
public final class TableRun<T> {

    private final TableJob job;
    private final Extractor extractor;
    private final Function<T, String> groupOf;
    private Extractor.BatchConsumer onBatch = batch -> {
    };

    /**
     * @param groupOf the group of an item's origin, or null for {@link Tables#ALL_GROUP}
     * @throws IllegalArgumentException when the selection names a block, head or position the model does not have
     */
    public TableRun(TableJob job, GTransformer model, Function<T, String> groupOf) {
        this.job = job;
        this.extractor = new Extractor(model, job.selection(), job.plan(), job.alsoFetched());
        this.groupOf = groupOf;
    }

    /** The extractor, whose batch sizes a caller may report. */
    public Extractor extractor() {
        return extractor;
    }

    /** Also hands every batch to {@code consumer}, after its rows went to the sinks (valid only during the call). */
    public TableRun<T> onBatch(Extractor.BatchConsumer consumer) {
        this.onBatch = consumer;
        return this;
    }

    /**
     * Runs every item and writes every row; aggregated rows are written after the last batch.
     *
     * @return the number of items
     */
    public long run(Extractor.ItemSource<T> input, RunSinks<T> sinks, Extractor.ProgressListener progress,
            BooleanSupplier cancelled) throws Exception {
        ModelInfo info = extractor.info();
        Selection selection = job.selection();
        TableSink repr = job.writes(Output.REPRESENTATIONS) ? sinks.table(Output.REPRESENTATIONS) : null;
        TableSink heads = job.writes(Output.HEAD_SCORES) ? sinks.table(Output.HEAD_SCORES) : TableSink.NONE;
        TableSink lens = job.writes(Output.LENS_STATS) ? sinks.table(Output.LENS_STATS) : TableSink.NONE;
        CellAggregate cells = repr != null && job.aggregate() ? new CellAggregate(info, selection) : null;
        Summaries summaries = job.summarises() ? new Summaries(info, selection, job.aggregate()) : null;
        int width = Layouts.matrixWidth(info, selection.kinds());
        Extractor.ItemSource<T> source = job.aggregate()
                ? withinBudget(input, new GroupMemory(info, selection, job.summarises(), job.plan())) : input;
        long n = extractor.run(source, (BatchResult batch, List<Item<T>> items) -> {
            int s = 0;
            for (Item<T> item : items) {
                Object[] row = null;
                if (item.runs()) {
                    row = PredictionRow.of(info, batch.sequence(s), batch.prediction(s));
                    s++;
                }
                sinks.prediction(item, row);
            }
            if (batch == null) {
                return;
            }
            if (repr != null && cells == null) {
                writeRows(batch, repr, width);
            }
            List<T> origins = Item.runningOrigins(items);
            for (int i = 0; i < batch.size(); i++) {
                String group = group(origins.get(i));
                if (cells != null) {
                    cells.add(group, batch, i);
                }
                if (summaries != null) {
                    summaries.add(batch, i, group, heads, lens);
                }
            }
            onBatch.accept(batch);
        }, progress, cancelled);
        if (cells != null) {
            cells.write(repr);
        }
        if (summaries != null && job.aggregate()) {
            summaries.writeHeadScores(heads);
            summaries.writeLensStats(lens);
        }
        return n;
    }

    private void writeRows(BatchResult batch, TableSink sink, int width) throws Exception {
        Selection selection = job.selection();
        if (job.layout() == Layout.MATRIX) {
            Layouts.writeMatrix(batch, selection, (seq, block, head, kind, row, rowLabel, m, cols, n) ->
                    sink.row(LayoutRows.matrixRow(width, seq, block, head, kind, row, rowLabel, m, cols, n)));
        } else if (!sink.takeLong(batch)) {
            Layouts.writeLong(batch, selection, (seq, block, head, kind, row, col, rowLabel, colLabel, value) ->
                    sink.row(LayoutRows.longRow(seq, block, head, kind, row, col, rowLabel, colLabel, value)));
        }
    }

    /**
     * The items of {@code input}, each running item's group counted against the budget before it is extracted, so
     * that too many groups stop the run with one sentence before the heap runs out.
     */
    private Extractor.ItemSource<T> withinBudget(Extractor.ItemSource<T> input, GroupMemory groups) {
        return () -> {
            Item<T> item = input.next();
            if (item != null && item.runs()) {
                groups.see(group(item.origin()));
            }
            return item;
        };
    }

    private String group(T origin) {
        String g = origin == null || groupOf == null ? null : groupOf.apply(origin);
        return g == null ? Tables.ALL_GROUP : g;
    }
}
