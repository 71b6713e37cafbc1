package org.gtlens.knimeapi.fake;

import java.util.ArrayList;
import java.util.List;

import org.knime.core.data.DataRow;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.streamable.InputPortRole;

/**
 * A compiled fixture for ApiUsageTest: a KNIME member named through a subclass (the inherited checkCanceled, called
 * on this), a super constructor, fields, a constant of a KNIME type, a method reference to an inherited method, a
 * JDK method of a KNIME exception and an Object method through a KNIME interface.
 */
public class UsesKnime extends ExecutionMonitor {

    /**
     * @param exec a context
     * @param in a table
     * @return a copy of it
     * @throws CanceledExecutionException if canceled
     */
    public BufferedDataTable use(final ExecutionContext exec, final BufferedDataTable in)
        throws CanceledExecutionException {
        checkCanceled();
        BufferedDataContainer c = exec.createDataContainer(in.getDataTableSpec());
        List<DataRow> rows = new ArrayList<>();
        in.forEach(rows::add);
        rows.forEach(c::addRowToTable);
        c.close();
        String first = rows.isEmpty() ? "" : rows.get(0).toString();
        exec.setMessage(first + new InvalidSettingsException("x").getMessage() + BufferedDataTable.TYPE
            + StringCell.TYPE + InputPortRole.DISTRIBUTED_STREAMABLE);
        return c.getTable();
    }
}
