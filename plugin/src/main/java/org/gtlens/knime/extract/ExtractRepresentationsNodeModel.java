package org.gtlens.knime.extract;

import java.io.File;

import org.gtlens.knime.port.GTransformerPortObject;
import org.gtlens.knime.port.GTransformerPortObjectSpec;
import org.gtlens.runtime.GTransformer;
import org.gtlens.model.ModelException;
import org.gtlens.model.ModelInfo;
import org.gtlens.runtime.NativeRuntime;
import org.gtlens.repr.MemoryBudgetException;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.container.AbstractCellFactory;
import org.knime.core.data.container.CloseableRowIterator;
import org.knime.core.data.container.ColumnRearranger;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;
import org.knime.core.node.streamable.InputPortRole;
import org.knime.core.node.streamable.OutputPortRole;
import org.knime.core.node.streamable.PartitionInfo;
import org.knime.core.node.streamable.PortInput;
import org.knime.core.node.streamable.PortObjectInput;
import org.knime.core.node.streamable.PortOutput;
import org.knime.core.node.streamable.RowInput;
import org.knime.core.node.streamable.RowOutput;
import org.knime.core.node.streamable.StreamableOperator;

/**
 * Extract Representations: runs every sequence of the input table through the GTransformer and writes (1) the input
 * table with the predicted next token appended and (2) the chosen inner representations, in the long or the matrix
 * layout, keyed by the source row ID. Streamable; memory is bounded by one batch.
 */
public final class ExtractRepresentationsNodeModel extends NodeModel {

    static final int MODEL_PORT = 0;

    static final int TABLE_PORT = 1;

    private final ExtractSettings m_settings = new ExtractSettings();

    ExtractRepresentationsNodeModel() {
        super(new PortType[]{GTransformerPortObject.TYPE, BufferedDataTable.TYPE},
            new PortType[]{BufferedDataTable.TYPE, BufferedDataTable.TYPE});
    }

    @Override
    protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        m_settings.check();
        GTransformerPortObjectSpec modelSpec = (GTransformerPortObjectSpec)inSpecs[MODEL_PORT];
        if (modelSpec.getInfo() == null) {
            throw new InvalidSettingsException(
                "No GTransformer at the first input; connect a Load GTransformer node and execute it.");
        }
        try {
            NativeRuntime.environment(); // once per JVM: a machine that cannot run ONNX Runtime is told so here
        } catch (ModelException e) {
            throw new InvalidSettingsException(e.getMessage());
        }
        DataTableSpec in = (DataTableSpec)inSpecs[TABLE_PORT];
        m_settings.m_sequences.reader(in, null);
        groupColumn(in);
        String note = settingsNote(modelSpec.getInfo());
        if (note != null) {
            setWarningMessage(note);
        }
        return outputSpecs(modelSpec.getInfo(), in);
    }

    /**
     * @return the warning the settings deserve before any row is read, or null. KNIME clears a node's warning when
     *         execution starts, so execute says it again ({@link #report}).
     */
    private String settingsNote(final ModelInfo info) throws InvalidSettingsException {
        if (m_settings.kinds().isEmpty()) {
            return "No representation kind is selected; only predictions are computed.";
        }
        try {
            m_settings.plan().batchFor(info, m_settings.selection(info).outputs(info), info.t());
        } catch (MemoryBudgetException e) {
            return "At full length: " + e.getMessage() + " Shorter sequences may fit.";
        }
        return null;
    }

    private DataTableSpec[] outputSpecs(final ModelInfo info, final DataTableSpec in)
        throws InvalidSettingsException {
        return new DataTableSpec[]{ExtractSpecs.predictionSpec(in), ExtractSpecs.secondSpec(m_settings, info)};
    }

    /** @return the index of the group column when aggregating per group, else -1 */
    private int groupColumn(final DataTableSpec in) throws InvalidSettingsException {
        if (!m_settings.perGroup()) {
            return -1;
        }
        String name = m_settings.m_groupColumn.getStringValue();
        int i = in.findColumnIndex(name);
        if (i < 0) {
            throw new InvalidSettingsException("The group column '" + name + "' does not exist in the input table; "
                + "choose another one in the dialog.");
        }
        return i;
    }

    @Override
    protected PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec) throws Exception {
        GTransformerPortObject port = (GTransformerPortObject)inObjects[MODEL_PORT];
        BufferedDataTable table = (BufferedDataTable)inObjects[TABLE_PORT];
        ModelInfo info = port.getSpec().getInfo();
        DataTableSpec in = table.getDataTableSpec();
        DataTableSpec[] specs = outputSpecs(info, in);
        // Only the appended prediction cells are written; the input columns are referenced by a column rearranger,
        // as KNIME's appending nodes do, instead of being copied.
        DataColumnSpec[] appendedSpecs = ExtractSpecs.appendedSpecs(in);
        BufferedDataContainer appended = exec.createDataContainer(new DataTableSpec(appendedSpecs));
        BufferedDataContainer representations = exec.createDataContainer(specs[1]);
        // As KNIME's nodes do, containers are closed when all rows are in, not in a finally block: after an error or
        // a cancel KNIME discards them, and closing them there could replace that error with one of their own.
        try (GTransformer model = port.openModel(1); CloseableRowIterator it = table.iterator()) {
            ExtractNodeRun x = newRun(model, in);
            x.run(() -> it.hasNext() ? it.next() : null,
                (row, cells) -> appended.addRowToTable(new DefaultRow(row.getKey(), cells)),
                representations::addRowToTable, exec, table.size());
            report(x, info);
        }
        appended.close();
        representations.close();
        BufferedDataTable predictionCells = appended.getTable();
        BufferedDataTable predictions;
        try (CloseableRowIterator cells = predictionCells.iterator()) {
            ColumnRearranger rearranger = new ColumnRearranger(in);
            rearranger.append(new AbstractCellFactory(appendedSpecs) {
                @Override
                public DataCell[] getCells(final DataRow row) {
                    DataRow next = cells.next(); // one row of cells per input row, in input order
                    if (!next.getKey().equals(row.getKey())) {
                        throw new IllegalStateException("Prediction of row " + next.getKey() + " met input row "
                            + row.getKey());
                    }
                    DataCell[] out = new DataCell[next.getNumCells()];
                    for (int i = 0; i < out.length; i++) {
                        out[i] = next.getCell(i);
                    }
                    return out;
                }
            });
            predictions = exec.createColumnRearrangeTable(table, rearranger, exec.createSubProgress(0));
        }
        exec.clearTable(predictionCells);
        exec.setProgress(1.0);
        return new PortObject[]{predictions, representations.getTable()};
    }

    private ExtractNodeRun newRun(final GTransformer model, final DataTableSpec in)
        throws InvalidSettingsException {
        SequenceReader reader = m_settings.m_sequences.reader(in, model.info());
        return new ExtractNodeRun(model, m_settings, reader, groupColumn(in));
    }

    /** Sets the run's warning: what the rows showed, then what the settings deserve (configure's, said again). */
    private void report(final ExtractNodeRun x, final ModelInfo info) throws InvalidSettingsException {
        String rows = null;
        if (x.rowsDone() == 0) {
            rows = "The input table is empty; both output tables are empty.";
        } else if (x.skipped() > 0) {
            rows = "Skipped " + x.skipped() + " of " + x.rowsDone()
                + " rows that the model cannot take (their prediction cells are missing). First: "
                + x.firstSkipReason();
        }
        String note = x.rowsDone() == 0 ? null : settingsNote(info);
        String said = String.join(" ", java.util.Arrays.stream(new String[]{rows, x.selectionWarning(), note})
            .filter(java.util.Objects::nonNull).toList());
        if (!said.isEmpty()) {
            setWarningMessage(said);
        }
    }

    // ---------------------------------------------------------------------------------------------- streaming

    @Override
    public InputPortRole[] getInputPortRoles() {
        return new InputPortRole[]{InputPortRole.NONDISTRIBUTED_NONSTREAMABLE,
            InputPortRole.NONDISTRIBUTED_STREAMABLE};
    }

    @Override
    public OutputPortRole[] getOutputPortRoles() {
        // Not distributed: the representation rows are keyed by one running counter.
        return new OutputPortRole[]{OutputPortRole.NONDISTRIBUTED, OutputPortRole.NONDISTRIBUTED};
    }

    @Override
    public StreamableOperator createStreamableOperator(final PartitionInfo partitionInfo,
        final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        return new StreamableOperator() {
            @Override
            public void runFinal(final PortInput[] inputs, final PortOutput[] outputs, final ExecutionContext exec)
                throws Exception {
                GTransformerPortObject port =
                    (GTransformerPortObject)((PortObjectInput)inputs[MODEL_PORT]).getPortObject();
                RowInput in = (RowInput)inputs[TABLE_PORT];
                RowOutput predictions = (RowOutput)outputs[0];
                RowOutput representations = (RowOutput)outputs[1];
                try (GTransformer model = port.openModel(1)) {
                    ExtractNodeRun x = newRun(model, in.getDataTableSpec());
                    x.run(in::poll, (row, cells) -> predictions.push(ExtractSpecs.joined(row, cells)),
                        representations::push, exec, -1);
                    report(x, model.info());
                } finally {
                    in.close();
                }
                predictions.close();
                representations.close();
            }
        };
    }

    // ---------------------------------------------------------------------------------------------- settings

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
        // nothing kept
    }

    @Override
    protected void loadInternals(final File nodeInternDir, final ExecutionMonitor exec) {
        // nothing kept
    }

    @Override
    protected void saveInternals(final File nodeInternDir, final ExecutionMonitor exec) {
        // nothing kept
    }
}
