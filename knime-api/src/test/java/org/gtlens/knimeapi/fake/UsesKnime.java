package org.gtlens.knimeapi.fake;

import java.io.File;
import java.util.List;

import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.streamable.InputPortRole;

/**
 * A compiled fixture for ApiUsageTest: KNIME members named through a subclass (inherited getLogger), a field, a
 * constant of a KNIME type, a method reference to an inherited method, a JDK method of a KNIME exception and an
 * Object method through a KNIME interface.
 */
public class UsesKnime extends NodeModel {

    /** One table in, one out. */
    public UsesKnime() {
        super(1, 1);
    }

    @Override
    protected DataTableSpec[] configure(final DataTableSpec[] inSpecs) throws InvalidSettingsException {
        getLogger().debug("configure " + BufferedDataTable.TYPE + " " + StringCell.TYPE + " "
            + InputPortRole.DISTRIBUTED_STREAMABLE);
        return inSpecs;
    }

    @Override
    protected BufferedDataTable[] execute(final BufferedDataTable[] inData, final ExecutionContext exec) {
        BufferedDataContainer c = exec.createDataContainer(inData[0].getDataTableSpec());
        List<DataRow> rows = new java.util.ArrayList<>();
        inData[0].forEach(rows::add);
        rows.forEach(c::addRowToTable);
        c.close();
        String first = rows.isEmpty() ? "" : rows.get(0).toString();
        getLogger().debug(first + new InvalidSettingsException("x").getMessage());
        return new BufferedDataTable[]{c.getTable()};
    }

    @Override
    protected void loadInternals(final File nodeInternDir, final ExecutionMonitor exec) {
        // none
    }

    @Override
    protected void saveInternals(final File nodeInternDir, final ExecutionMonitor exec) {
        // none
    }

    @Override
    protected void saveSettingsTo(final NodeSettingsWO settings) {
        // none
    }

    @Override
    protected void validateSettings(final NodeSettingsRO settings) {
        // none
    }

    @Override
    protected void loadValidatedSettingsFrom(final NodeSettingsRO settings) {
        // none
    }

    @Override
    protected void reset() {
        // nothing kept
    }
}
