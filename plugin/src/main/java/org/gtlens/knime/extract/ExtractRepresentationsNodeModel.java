package org.gtlens.knime.extract;

import java.io.File;
import java.util.Set;

import org.gtlens.knime.port.GTransformerPortObject;
import org.gtlens.knime.port.GTransformerPortObjectSpec;
import org.gtlens.model.GTransformer;
import org.gtlens.model.Kind;
import org.gtlens.model.ModelInfo;
import org.gtlens.repr.Extractor;
import org.gtlens.repr.SequenceValidator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.container.CloseableRowIterator;
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
        if (!(inSpecs[MODEL_PORT] instanceof GTransformerPortObjectSpec modelSpec) || modelSpec.getInfo() == null) {
            throw new InvalidSettingsException(
                "No GTransformer at the first input; connect a Load GTransformer node and execute it.");
        }
        DataTableSpec in = (DataTableSpec)inSpecs[TABLE_PORT];
        if (in == null) {
            throw new InvalidSettingsException("No input table; connect a table of sequences to the second input.");
        }
        SequenceReader.create(m_settings, in, null);
        if (m_settings.kinds().isEmpty()) {
            setWarningMessage("No representation kind is selected; only predictions are computed.");
        }
        return outputSpecs(modelSpec.getInfo(), in);
    }

    private DataTableSpec[] outputSpecs(final ModelInfo info, final DataTableSpec in) {
        Set<Kind> kinds = m_settings.kinds();
        return new DataTableSpec[]{Extraction.predictionSpec(in),
            m_settings.matrixLayout() ? Extraction.matrixSpec(info, kinds) : Extraction.longSpec()};
    }

    @Override
    protected PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec) throws Exception {
        GTransformerPortObject port = (GTransformerPortObject)inObjects[MODEL_PORT];
        BufferedDataTable table = (BufferedDataTable)inObjects[TABLE_PORT];
        ModelInfo info = port.getSpec().getInfo();
        DataTableSpec[] specs = outputSpecs(info, table.getDataTableSpec());
        BufferedDataContainer predictions = exec.createDataContainer(specs[0]);
        BufferedDataContainer representations = exec.createDataContainer(specs[1]);
        try (GTransformer model = port.openModel(1)) {
            Extraction x = newExtraction(model, table.getDataTableSpec(), predictions::addRowToTable,
                representations::addRowToTable, exec, table.size());
            try (CloseableRowIterator it = table.iterator()) {
                while (it.hasNext()) {
                    x.add(it.next());
                }
            }
            x.finish();
            report(x);
        } finally {
            predictions.close();
            representations.close();
        }
        exec.setProgress(1.0);
        return new PortObject[]{predictions.getTable(), representations.getTable()};
    }

    private Extraction newExtraction(final GTransformer model, final DataTableSpec in,
        final Extraction.RowSink predictions, final Extraction.RowSink representations, final ExecutionMonitor exec,
        final long total) throws InvalidSettingsException {
        ModelInfo info = model.info();
        SequenceReader reader = SequenceReader.create(m_settings, in, new SequenceValidator(info));
        Extractor extractor = new Extractor(model, m_settings.kinds(), m_settings.m_batchSize.getIntValue());
        return new Extraction(extractor, info, m_settings, reader, predictions, representations, exec, total);
    }

    private void report(final Extraction x) {
        if (x.rowsDone() == 0) {
            setWarningMessage("The input table is empty; both output tables are empty.");
        } else if (x.skipped() > 0) {
            setWarningMessage("Skipped " + x.skipped() + " of " + x.rowsDone()
                + " rows that the model cannot take (their prediction cells are missing). First: "
                + x.firstSkipReason());
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
                StreamSink predictions = new StreamSink((RowOutput)outputs[0]);
                StreamSink representations = new StreamSink((RowOutput)outputs[1]);
                try (GTransformer model = port.openModel(1)) {
                    Extraction x = newExtraction(model, in.getDataTableSpec(), predictions, representations, exec,
                        -1);
                    for (DataRow row = in.poll(); row != null && x.anyOutputOpen(); row = in.poll()) {
                        x.add(row);
                    }
                    x.finish();
                    report(x);
                } finally {
                    in.close();
                }
                // Both outputs are closed only when all rows went out (KNIME: close() ends the output's stream).
                predictions.m_out.close();
                representations.m_out.close();
            }
        };
    }

    /**
     * A streaming output. KNIME's push() throws {@link RowOutput.OutputClosedException} when no consumer wants more
     * rows (an unconnected port, or a downstream node that has read enough); that output is then left alone while
     * the other one is still fed, and reading stops once neither wants rows.
     */
    private static final class StreamSink implements Extraction.RowSink {
        final RowOutput m_out;

        private boolean m_open = true;

        StreamSink(final RowOutput out) {
            m_out = out;
        }

        @Override
        public void push(final DataRow row) throws InterruptedException {
            if (m_open) {
                try {
                    m_out.push(row);
                } catch (RowOutput.OutputClosedException e) {
                    m_open = false;
                }
            }
        }

        @Override
        public boolean isOpen() {
            return m_open;
        }
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
