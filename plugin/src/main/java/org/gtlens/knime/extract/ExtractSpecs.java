package org.gtlens.knime.extract;

import java.util.List;

import org.gtlens.knime.table.KnimeTables;
import org.gtlens.model.ModelInfo;
import org.gtlens.table.Column;
import org.gtlens.table.Tables;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.node.InvalidSettingsException;

/**
 * The output tables of Extract Representations as KNIME sees them: the input table with the prediction columns of
 * {@link Tables#PREDICTIONS} appended (their names unique against the input's), and the second output's schema.
 */
final class ExtractSpecs {

    /** The prediction columns appended to each input row: the schema's columns after the sequence itself. */
    static final List<Column> APPENDED = Tables.PREDICTIONS.from(Tables.NEXT_TOKEN.key());

    private static final int FIRST_APPENDED = Tables.PREDICTIONS.columns().size() - APPENDED.size();

    private ExtractSpecs() {
    }

    /** @return the spec of the predictions output: the input columns plus the prediction columns */
    static DataTableSpec predictionSpec(final DataTableSpec in) {
        return KnimeTables.appended(in, APPENDED);
    }

    /** @return the specs of the columns the predictions output appends to the input (names unique against it) */
    static DataColumnSpec[] appendedSpecs(final DataTableSpec in) {
        DataTableSpec all = predictionSpec(in);
        DataColumnSpec[] specs = new DataColumnSpec[APPENDED.size()];
        for (int i = 0; i < specs.length; i++) {
            specs[i] = all.getColumnSpec(in.getNumColumns() + i);
        }
        return specs;
    }

    /**
     * @param row a row of {@link Tables#PREDICTIONS}, or null for a row that did not run
     * @return the cells appended to the input row (all missing for null)
     */
    static DataCell[] predictionCells(final Object[] row) {
        DataCell[] cells = new DataCell[APPENDED.size()];
        if (row == null) {
            java.util.Arrays.fill(cells, DataType.getMissingCell());
            return cells;
        }
        for (int i = 0; i < cells.length; i++) {
            cells[i] = KnimeTables.cell(APPENDED.get(i).type(), row[FIRST_APPENDED + i]);
        }
        return cells;
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
     * @return the spec of the second output: representations (long, matrix or aggregated), head scores or logit-lens
     *         statistics (per row or aggregated)
     */
    static DataTableSpec secondSpec(final ExtractSettings settings, final ModelInfo info)
        throws InvalidSettingsException {
        return KnimeTables.spec(settings.job(info).schema(settings.output(), info));
    }
}
