package org.knime.core.node;

import java.util.ArrayList;
import java.util.List;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTable;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.container.ColumnRearranger;
import org.knime.core.data.def.DefaultRow;

/**
 * Stand-in for KNIME's {@code ExecutionContext} (compile/test only, never shipped): an {@link ExecutionMonitor}
 * that also creates in-memory tables. Created by the framework only; tests get one from the test harness
 * ({@code org.knime.core.node.TestExecution} in the test-jar).
 */
public class ExecutionContext extends ExecutionMonitor {

    ExecutionContext(final ProgressLog log) {
        super(null, log, 1, false, true);
    }

    private ExecutionContext(final ExecutionContext parent, final double maxProg, final boolean silent) {
        super(parent, parent.log(), maxProg, silent, true);
    }

    /**
     * @param table any table
     * @param subProgressMon for progress and cancelation
     * @return a buffered copy
     * @throws CanceledExecutionException if canceled
     */
    public BufferedDataTable createBufferedDataTable(final DataTable table, final ExecutionMonitor subProgressMon)
        throws CanceledExecutionException {
        if (table instanceof BufferedDataTable b) {
            return b;
        }
        BufferedDataContainer c = createDataContainer(table.getDataTableSpec());
        for (DataRow r : table) {
            subProgressMon.checkCanceled();
            c.addRowToTable(r);
        }
        c.close();
        return c.getTable();
    }

    /**
     * @param tables any tables
     * @param exec for progress and cancelation
     * @return buffered copies
     * @throws CanceledExecutionException if canceled
     */
    public BufferedDataTable[] createBufferedDataTables(final DataTable[] tables, final ExecutionMonitor exec)
        throws CanceledExecutionException {
        BufferedDataTable[] out = new BufferedDataTable[tables.length];
        for (int i = 0; i < tables.length; i++) {
            out[i] = createBufferedDataTable(tables[i], exec);
        }
        return out;
    }

    /**
     * @param spec the spec of the rows
     * @return a new container
     */
    public BufferedDataContainer createDataContainer(final DataTableSpec spec) {
        return withFailure(new BufferedDataContainer(spec));
    }

    /** Test hook (package-private, set by the test-jar's TestExecution): containers whose close fails so. */
    volatile String m_containerCloseFailure;

    private BufferedDataContainer withFailure(final BufferedDataContainer c) {
        String failure = m_containerCloseFailure;
        if (failure != null) {
            try {
                java.lang.reflect.Method m = org.knime.core.data.container.DataContainer.class
                    .getDeclaredMethod("failAtClose", String.class);
                m.setAccessible(true);
                m.invoke(c, failure);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("stand-in internal call failed: failAtClose", e);
            }
        }
        return c;
    }

    /**
     * @param spec the spec of the rows
     * @param initDomain ignored (no domains in the stand-in)
     * @return a new container
     */
    public BufferedDataContainer createDataContainer(final DataTableSpec spec, final boolean initDomain) {
        return withFailure(new BufferedDataContainer(spec));
    }

    /**
     * @param in the input table
     * @param rearranger how to rearrange and which columns to compute
     * @param subProgressMon receives the cell factories' progress; checked for cancelation
     * @return the new table
     * @throws CanceledExecutionException if canceled
     */
    @SuppressWarnings("unchecked")
    public BufferedDataTable createColumnRearrangeTable(final BufferedDataTable in, final ColumnRearranger rearranger,
        final ExecutionMonitor subProgressMon) throws CanceledExecutionException {
        DataTableSpec spec = rearranger.createSpec();
        List<DataRow> rows = (List<DataRow>)StandInAccess.call(rearranger, "apply",
            new Class<?>[]{DataTable.class, long.class, ExecutionMonitor.class}, in, in.size(), subProgressMon);
        BufferedDataContainer c = createDataContainer(spec);
        rows.forEach(c::addRowToTable);
        c.close();
        return c.getTable();
    }

    /**
     * @param in a table
     * @param newSpec a spec with the same number of columns
     * @return the rows of the table with the new spec
     */
    public BufferedDataTable createSpecReplacerTable(final BufferedDataTable in, final DataTableSpec newSpec) {
        if (newSpec.getNumColumns() != in.getDataTableSpec().getNumColumns()) {
            throw new IllegalArgumentException("The new spec must have " + in.getDataTableSpec().getNumColumns()
                + " columns, has " + newSpec.getNumColumns());
        }
        BufferedDataContainer c = createDataContainer(newSpec);
        in.rows().forEach(c::addRowToTable);
        c.close();
        return c.getTable();
    }

    /**
     * @param in a table
     * @return a table with the same content
     */
    public BufferedDataTable createWrappedTable(final BufferedDataTable in) {
        return new BufferedDataTable(in.getDataTableSpec(), in.rows());
    }

    /**
     * @param spec a spec
     * @return an empty table
     */
    public BufferedDataTable createVoidTable(final DataTableSpec spec) {
        return new BufferedDataTable(spec, List.of());
    }

    /**
     * @param exec for cancelation
     * @param tables tables with equally structured specs and distinct row keys
     * @return the rows of all tables, in order
     * @throws CanceledExecutionException if canceled
     */
    public BufferedDataTable createConcatenateTable(final ExecutionMonitor exec, final BufferedDataTable... tables)
        throws CanceledExecutionException {
        if (tables.length == 0) {
            throw new IllegalArgumentException("No tables to concatenate");
        }
        DataTableSpec spec = tables[0].getDataTableSpec();
        BufferedDataContainer c = createDataContainer(spec);
        for (BufferedDataTable t : tables) {
            if (!t.getDataTableSpec().equalStructure(spec)) {
                throw new IllegalArgumentException("Table specs differ: " + spec + " vs " + t.getDataTableSpec());
            }
            for (DataRow r : t.rows()) {
                exec.checkCanceled();
                c.addRowToTable(r);
            }
        }
        c.close();
        return c.getTable();
    }

    /**
     * @param left left table
     * @param right right table, same row keys in the same order, distinct column names
     * @param exec for cancelation
     * @return the columns of both side by side
     * @throws CanceledExecutionException if canceled
     */
    public BufferedDataTable createJoinedTable(final BufferedDataTable left, final BufferedDataTable right,
        final ExecutionMonitor exec) throws CanceledExecutionException {
        if (left.size() != right.size()) {
            throw new IllegalArgumentException("Tables differ in row count: " + left.size() + " vs " + right.size());
        }
        DataTableSpec spec = new DataTableSpec(left.getDataTableSpec(), right.getDataTableSpec());
        BufferedDataContainer c = createDataContainer(spec);
        for (int i = 0; i < left.size(); i++) {
            exec.checkCanceled();
            DataRow l = left.rows().get(i);
            DataRow r = right.rows().get(i);
            if (!l.getKey().equals(r.getKey())) {
                throw new IllegalArgumentException("Row keys differ at index " + i + ": " + l.getKey() + " vs "
                    + r.getKey());
            }
            List<DataCell> cells = new ArrayList<>();
            l.forEach(cells::add);
            r.forEach(cells::add);
            c.addRowToTable(new DefaultRow(l.getKey(), cells));
        }
        c.close();
        return c.getTable();
    }

    /** @param table a table (nothing to free in memory) */
    public void clearTable(final BufferedDataTable table) {
        // in-memory tables are garbage collected
    }

    /**
     * @param maxProg the share of this context's progress range
     * @return a sub-context
     */
    public ExecutionContext createSubExecutionContext(final double maxProg) {
        return new ExecutionContext(this, maxProg, false);
    }

    /**
     * @param maxProg the share of this context's progress range
     * @return a sub-context whose messages are not passed on
     */
    public ExecutionContext createSilentSubExecutionContext(final double maxProg) {
        return new ExecutionContext(this, maxProg, true);
    }
}
