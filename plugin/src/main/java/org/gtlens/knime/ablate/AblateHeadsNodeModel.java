package org.gtlens.knime.ablate;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

import org.gtlens.causal.AblationMethod;
import org.gtlens.causal.HeadAblation;
import org.gtlens.knime.causal.CausalNodes;
import org.gtlens.knime.extract.SequenceReader;
import org.gtlens.knime.port.GTransformerPortObject;
import org.gtlens.knime.table.KnimeTables;
import org.gtlens.model.ModelException;
import org.gtlens.model.ModelInfo;
import org.gtlens.repr.CancelledException;
import org.gtlens.repr.Sequence;
import org.gtlens.run.AblationRun;
import org.gtlens.runtime.GTransformer;
import org.gtlens.table.Tables;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.container.CloseableRowIterator;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;

/**
 * Ablate Heads: runs every sequence of the input table with each chosen head's output replaced (by zeros or by its
 * mean) and writes how the prediction changes, per sequence (source row ID) or aggregated per group: the command
 * line's {@code ablate} table, over the same core run.
 */
public final class AblateHeadsNodeModel extends NodeModel {

    static final int MODEL_PORT = 0;

    static final int TABLE_PORT = 1;

    static final String PURPOSE = "to ablate heads";

    private final AblateSettings m_settings = new AblateSettings();

    AblateHeadsNodeModel() {
        super(new PortType[]{GTransformerPortObject.TYPE, BufferedDataTable.TYPE},
            new PortType[]{BufferedDataTable.TYPE});
    }

    @Override
    protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        m_settings.check();
        ModelInfo info = CausalNodes.model(inSpecs[MODEL_PORT], PURPOSE);
        checkIndices(info);
        DataTableSpec in = (DataTableSpec)inSpecs[TABLE_PORT];
        m_settings.m_sequences.reader(in, null);
        CausalNodes.optionalColumn(in, m_settings.groupColumn(), "group column");
        return new PortObjectSpec[]{outSpec()};
    }

    private DataTableSpec outSpec() {
        return KnimeTables.spec(m_settings.aggregated() ? Tables.AGGREGATED_ABLATION : Tables.ABLATION);
    }

    private void checkIndices(final ModelInfo info) throws InvalidSettingsException {
        CausalNodes.checkIndices(info, m_settings.blocks(), m_settings.heads());
    }

    @Override
    protected PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec) throws Exception {
        GTransformerPortObject port = (GTransformerPortObject)inObjects[MODEL_PORT];
        BufferedDataTable table = (BufferedDataTable)inObjects[TABLE_PORT];
        ModelInfo info = CausalNodes.model(port.getSpec(), PURPOSE);
        checkIndices(info);
        DataTableSpec in = table.getDataTableSpec();
        int groupColumn = CausalNodes.optionalColumn(in, m_settings.groupColumn(), "group column");
        AblationMethod method = m_settings.method();
        BufferedDataContainer out = exec.createDataContainer(outSpec());
        try (GTransformer model = port.openModel(1)) {
            List<Sequence> sequences = new ArrayList<>();
            List<String> groups = m_settings.aggregated() ? new ArrayList<>() : null;
            read(table, m_settings.m_sequences.reader(in, model.info()), groupColumn, sequences, groups, exec);
            if (method == AblationMethod.MEAN && sequences.size() < 2) {
                throw new InvalidSettingsException("Mean ablation replaces a head's output by its mean over the "
                    + "input's rows and needs at least 2 rows; the input has " + sequences.size()
                    + ", so give more rows or choose zero ablation.");
            }
            HeadAblation ablation;
            try {
                ablation = new HeadAblation(model, method, m_settings.blocks(), m_settings.heads(),
                    (long)m_settings.m_memory.getIntValue() << 20, m_settings.m_batchSize.getIntValue());
            } catch (ModelException e) {
                throw new InvalidSettingsException(e.getMessage());
            } catch (IllegalArgumentException e) {
                throw new InvalidSettingsException(e.getMessage() + ".");
            }
            AblationRun run = new AblationRun(ablation, m_settings.aggregated());
            try {
                run.run(sequences, groups, CausalNodes.sink(run.schema(), out),
                    CausalNodes.progress(exec, sequences.size(), "sequences"), CausalNodes.canceled(exec));
            } catch (CancelledException e) {
                throw new CanceledExecutionException(e.getMessage());
            }
            if (sequences.isEmpty()) {
                setWarningMessage("The input table is empty; the output table is empty.");
            }
        }
        out.close();
        return new PortObject[]{out.getTable()};
    }

    /** Reads every row's sequence (a bad row fails the node naming its row ID) and, when aggregating, its group. */
    private static void read(final BufferedDataTable table, final SequenceReader reader, final int groupColumn,
        final List<Sequence> sequences, final List<String> groups, final ExecutionMonitor exec) throws Exception {
        try (CloseableRowIterator it = table.iterator()) {
            while (it.hasNext()) {
                DataRow row = it.next();
                exec.checkCanceled();
                sequences.add(new Sequence(row.getKey().getString(), reader.read(row)));
                if (groups != null) {
                    groups.add(groupColumn < 0 ? Tables.ALL_GROUP : CausalNodes.group(row, groupColumn));
                }
            }
        }
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
