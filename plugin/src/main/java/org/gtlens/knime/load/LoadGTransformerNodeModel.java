package org.gtlens.knime.load;

import java.io.File;

import org.gtlens.knime.port.GTransformerPortObject;
import org.gtlens.knime.port.GTransformerPortObjectSpec;
import org.gtlens.model.ModelInfo;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;

/**
 * Load GTransformer: reads an ONNX model that follows the GT Lens contract (or takes the built-in example model)
 * and puts its bytes on a GTransformer port.
 */
public final class LoadGTransformerNodeModel extends NodeModel {

    private final SettingsModelString m_file = createModelFileModel();

    /** @return the "model file" setting: a path or URL; empty means the built-in example model */
    static SettingsModelString createModelFileModel() {
        return new SettingsModelString("model_file", "");
    }

    LoadGTransformerNodeModel() {
        super(new PortType[0], new PortType[]{GTransformerPortObject.TYPE});
    }

    @Override
    protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        ModelFiles.checkRuntime();
        ModelInfo info = ModelFiles.info(m_file.getStringValue());
        return new PortObjectSpec[]{new GTransformerPortObjectSpec(info)};
    }

    @Override
    protected PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec) throws Exception {
        exec.setMessage("Reading the model");
        ModelFiles.Loaded loaded = ModelFiles.read(m_file.getStringValue());
        exec.setProgress(1.0);
        return new PortObject[]{new GTransformerPortObject(loaded.bytes(), new GTransformerPortObjectSpec(loaded.info()))};
    }

    @Override
    protected void saveSettingsTo(final NodeSettingsWO settings) {
        m_file.saveSettingsTo(settings);
    }

    @Override
    protected void validateSettings(final NodeSettingsRO settings) throws InvalidSettingsException {
        m_file.validateSettings(settings);
    }

    @Override
    protected void loadValidatedSettingsFrom(final NodeSettingsRO settings) throws InvalidSettingsException {
        m_file.loadSettingsFrom(settings);
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
