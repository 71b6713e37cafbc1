package org.gtlens.knime.patch;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

import org.gtlens.causal.ActivationPatching;
import org.gtlens.GtLensException;
import org.gtlens.causal.PatchPair;
import org.gtlens.causal.PatchSite;
import org.gtlens.knime.causal.CausalNodes;
import org.gtlens.knime.port.GTransformerPortObject;
import org.gtlens.knime.table.KnimeTables;
import org.gtlens.model.ModelException;
import org.gtlens.model.ModelInfo;
import org.gtlens.repr.CancelledException;
import org.gtlens.repr.InputException;
import org.gtlens.run.EmptySelection;
import org.gtlens.run.PatchRun;
import org.gtlens.runtime.GTransformer;
import org.gtlens.table.Tables;
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
 * Patch Activations: runs the corrupted sequence of every pair with one activation of its clean sequence put back
 * and writes the share of the clean prediction each site restores (per pair, or aggregated per group), and the pairs
 * with the tokens compared: the command line's {@code patch} tables, over the same core run.
 */
public final class PatchActivationsNodeModel extends NodeModel {

    static final int MODEL_PORT = 0;

    static final int TABLE_PORT = 1;

    static final String PURPOSE = "to patch activations";

    /** Pairs named in the warning at most. */
    private static final int NAMED = 10;

    private final PatchSettings m_settings = new PatchSettings();

    PatchActivationsNodeModel() {
        super(new PortType[]{GTransformerPortObject.TYPE, BufferedDataTable.TYPE},
            new PortType[]{BufferedDataTable.TYPE, BufferedDataTable.TYPE});
    }

    @Override
    protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        m_settings.check();
        ModelInfo info = CausalNodes.model(inSpecs[MODEL_PORT], PURPOSE);
        checkIndices(info);
        PairReader.create(m_settings, (DataTableSpec)inSpecs[TABLE_PORT], null);
        return outSpecs();
    }

    private DataTableSpec[] outSpecs() {
        return new DataTableSpec[]{
            KnimeTables.spec(m_settings.aggregated() ? Tables.AGGREGATED_PATCHING : Tables.PATCHING),
            KnimeTables.spec(Tables.PAIRS)};
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
        PairReader reader = PairReader.create(m_settings, table.getDataTableSpec(), info);
        List<PatchPair> pairs = new ArrayList<>();
        try (CloseableRowIterator it = table.iterator()) {
            while (it.hasNext()) {
                exec.checkCanceled();
                pairs.add(reader.read(it.next()));
            }
        }
        String lacking = null;
        if (m_settings.sites().contains(PatchSite.RESID)) {
            try {
                lacking = EmptySelection.ofPairs(m_settings.positions(), "Positions",
                    m_settings.m_positions.getStringValue(), pairs);
            } catch (GtLensException e) {
                throw new InvalidSettingsException(e.getMessage());
            }
        }
        DataTableSpec[] specs = outSpecs();
        BufferedDataContainer values = exec.createDataContainer(specs[0]);
        BufferedDataContainer pairTable = exec.createDataContainer(specs[1]);
        List<String> notSeparating = new ArrayList<>();
        try (GTransformer model = port.openModel(1)) {
            ActivationPatching patching;
            try {
                patching = new ActivationPatching(model, m_settings.sites(), m_settings.blocks(),
                    m_settings.heads(), m_settings.positions(), (long)m_settings.m_memory.getIntValue() << 20,
                    m_settings.m_batchSize.getIntValue());
            } catch (ModelException e) {
                throw new InvalidSettingsException(e.getMessage());
            } catch (IllegalArgumentException e) {
                throw new InvalidSettingsException(e.getMessage() + ".");
            }
            PatchRun run = new PatchRun(patching, m_settings.aggregated());
            try {
                run.run(pairs, CausalNodes.sink(run.schema(), values), CausalNodes.sink(Tables.PAIRS, pairTable),
                    (pair, outcome) -> notSeparating.add(pair.id()),
                    CausalNodes.progress(exec, pairs.size(), "pairs"), CausalNodes.canceled(exec));
            } catch (CancelledException e) {
                throw new CanceledExecutionException(e.getMessage());
            } catch (InputException e) {
                throw new InvalidSettingsException(e.getMessage());
            } catch (IllegalArgumentException e) {
                throw new InvalidSettingsException(e.getMessage() + ".");
            }
        }
        values.close();
        pairTable.close();
        warn(pairs.size(), notSeparating, lacking);
        return new PortObject[]{values.getTable(), pairTable.getTable()};
    }

    /**
     * The warning for pairs that do not separate (their patched values are missing) or that have no position
     * selected, or an empty input.
     */
    private void warn(final int pairs, final List<String> notSeparating, final String lacking) {
        if (pairs == 0) {
            setWarningMessage("The input table is empty; both output tables are empty.");
        } else if (lacking != null) {
            setWarningMessage(lacking + (notSeparating.isEmpty() ? "" : " And " + notSeparating.size()
                + " pairs do not separate: the clean and the corrupted run give the same metric."));
        } else if (!notSeparating.isEmpty()) {
            int n = notSeparating.size();
            String named = String.join(", ", notSeparating.subList(0, Math.min(NAMED, n)))
                + (n > NAMED ? " and " + (n - NAMED) + " more" : "");
            setWarningMessage((n == 1 ? "Pair " + named + " does" : n + " pairs (" + named + ") do")
                + " not separate: the clean and the corrupted run give the same metric, so the patched values are "
                + "missing; choose other answer or wrong tokens, or another corruption.");
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
