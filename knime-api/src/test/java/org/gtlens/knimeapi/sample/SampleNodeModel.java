package org.gtlens.knimeapi.sample;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.StringValue;
import org.knime.core.data.collection.CollectionCellFactory;
import org.knime.core.data.collection.ListCell;
import org.knime.core.data.container.AbstractCellFactory;
import org.knime.core.data.container.ColumnRearranger;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.streamable.InputPortRole;
import org.knime.core.node.streamable.OutputPortRole;
import org.knime.core.node.streamable.PartitionInfo;
import org.knime.core.node.streamable.PortInput;
import org.knime.core.node.streamable.PortObjectInput;
import org.knime.core.node.streamable.PortOutput;
import org.knime.core.node.streamable.RowInput;
import org.knime.core.node.streamable.RowOutput;
import org.knime.core.node.streamable.StreamableOperator;
import org.knime.core.node.util.CheckUtils;

/**
 * A plugin-style node: model port + table in, table out. Appends the length of a string column (times a factor)
 * and a list of per-character codes; streamable on the table port.
 */
public final class SampleNodeModel extends NodeModel {

    static SettingsModelsHolder settings() {
        return new SettingsModelsHolder();
    }

    private final SettingsModelsHolder m_settings = settings();

    private SamplePortObject m_lastModel;

    /** Creates the model. */
    public SampleNodeModel() {
        super(new org.knime.core.node.port.PortType[]{SamplePortObject.TYPE, BufferedDataTable.TYPE},
            new org.knime.core.node.port.PortType[]{BufferedDataTable.TYPE});
    }

    SettingsModelsHolder models() {
        return m_settings;
    }

    /** @return the model port object the last execute received */
    public SamplePortObject lastModelInput() {
        return m_lastModel;
    }

    private ColumnRearranger rearranger(final DataTableSpec in, final SampleSpec model)
        throws InvalidSettingsException {
        ColumnRearranger r = new ColumnRearranger(in);
        r.append(factory(in, model));
        return r;
    }

    private AbstractCellFactory factory(final DataTableSpec in, final SampleSpec model)
        throws InvalidSettingsException {
        String col = m_settings.column().getStringValue();
        CheckUtils.checkSettingNotNull(col, "No column selected");
        int idx = in.findColumnIndex(col);
        CheckUtils.checkSetting(idx >= 0, "Column \"%s\" not in input", col);
        CheckUtils.checkSetting(in.getColumnSpec(idx).getType().isCompatible(StringValue.class),
            "Column \"%s\" is no string column", col);
        int factor = m_settings.factor().getIntValue();
        boolean withCodes = m_settings.codes().getBooleanValue();
        List<org.knime.core.data.DataColumnSpec> cols = new ArrayList<>();
        cols.add(new DataColumnSpecCreator(DataTableSpec.getUniqueColumnName(in, "len"), DoubleCell.TYPE).createSpec());
        if (withCodes) {
            cols.add(new DataColumnSpecCreator("codes", ListCell.getCollectionType(IntCell.TYPE)).createSpec());
        }
        return new AbstractCellFactory(cols.toArray(new org.knime.core.data.DataColumnSpec[0])) {
            @Override
            public DataCell[] getCells(final DataRow row) {
                DataCell c = row.getCell(idx);
                if (c.isMissing()) {
                    return withCodes ? new DataCell[]{DataType.getMissingCell(), DataType.getMissingCell()}
                        : new DataCell[]{DataType.getMissingCell()};
                }
                String s = ((StringValue)c).getStringValue();
                DataCell len = new DoubleCell(s.length() * (double)factor + model.getDims().length);
                if (!withCodes) {
                    return new DataCell[]{len};
                }
                List<DataCell> codes = new ArrayList<>();
                s.chars().forEach(ch -> codes.add(new IntCell(ch)));
                return new DataCell[]{len, CollectionCellFactory.createListCell(codes)};
            }
        };
    }

    @Override
    protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        CheckUtils.checkSettingNotNull(inSpecs[0], "No model");
        CheckUtils.checkSettingNotNull(inSpecs[1], "No table");
        return new PortObjectSpec[]{rearranger((DataTableSpec)inSpecs[1], (SampleSpec)inSpecs[0]).createSpec()};
    }

    @Override
    protected PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec) throws Exception {
        BufferedDataTable table = (BufferedDataTable)inObjects[1];
        m_lastModel = (SamplePortObject)inObjects[0];
        SampleSpec spec = m_lastModel.getSpec();
        if (table.size() == 0) {
            setWarningMessage("Empty input table");
        }
        return new PortObject[]{exec.createColumnRearrangeTable(table,
            rearranger(table.getDataTableSpec(), spec), exec.createSubProgress(1.0))};
    }

    @Override
    public InputPortRole[] getInputPortRoles() {
        return new InputPortRole[]{InputPortRole.NONDISTRIBUTED_NONSTREAMABLE, InputPortRole.DISTRIBUTED_STREAMABLE};
    }

    @Override
    public OutputPortRole[] getOutputPortRoles() {
        return new OutputPortRole[]{OutputPortRole.DISTRIBUTED};
    }

    @Override
    public StreamableOperator createStreamableOperator(final PartitionInfo partitionInfo,
        final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        final SampleSpec spec = (SampleSpec)inSpecs[0];
        final AbstractCellFactory f = factory((DataTableSpec)inSpecs[1], spec);
        return new StreamableOperator() {
            @Override
            public void runFinal(final PortInput[] inputs, final PortOutput[] outputs, final ExecutionContext exec)
                throws Exception {
                SamplePortObject model = (SamplePortObject)((PortObjectInput)inputs[0]).getPortObject();
                if (model.getText() == null) {
                    throw new IllegalStateException("no model");
                }
                RowInput in = (RowInput)inputs[1];
                RowOutput out = (RowOutput)outputs[0];
                DataRow row;
                long i = 0;
                while ((row = in.poll()) != null) {
                    exec.checkCanceled();
                    List<DataCell> cells = new ArrayList<>(List.of(cells(row)));
                    cells.addAll(List.of(f.getCells(row, i)));
                    out.push(new DefaultRow(row.getKey(), cells));
                    exec.setMessage("row " + (++i));
                }
                in.close();
                out.close();
            }
        };
    }

    private static DataCell[] cells(final DataRow r) {
        DataCell[] c = new DataCell[r.getNumCells()];
        for (int i = 0; i < c.length; i++) {
            c[i] = r.getCell(i);
        }
        return c;
    }

    @Override
    protected void saveSettingsTo(final NodeSettingsWO settings) {
        m_settings.save(settings);
    }

    @Override
    protected void validateSettings(final NodeSettingsRO settings) throws InvalidSettingsException {
        m_settings.validate(settings);
    }

    @Override
    protected void loadValidatedSettingsFrom(final NodeSettingsRO settings) throws InvalidSettingsException {
        m_settings.load(settings);
    }

    @Override
    protected void reset() {
        // nothing
    }

    @Override
    protected void loadInternals(final File nodeInternDir, final ExecutionMonitor exec) {
        // nothing
    }

    @Override
    protected void saveInternals(final File nodeInternDir, final ExecutionMonitor exec) {
        // nothing
    }
}
