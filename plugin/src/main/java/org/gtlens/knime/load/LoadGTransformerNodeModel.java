package org.gtlens.knime.load;

import java.io.File;
import java.util.List;

import org.gtlens.Keyed;
import org.gtlens.knime.port.GTransformerPortObject;
import org.gtlens.knime.port.GTransformerPortObjectSpec;
import org.gtlens.knime.settings.Added;
import org.gtlens.model.ModelInfo;
import org.gtlens.runtime.BuiltInModel;
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
 * Load GTransformer: reads an ONNX model that follows the GT Lens contract (or takes a built-in model)
 * and puts its bytes on a GTransformer port.
 */
public final class LoadGTransformerNodeModel extends NodeModel {

    private final SettingsModelString m_file = createModelFileModel();

    private final SettingsModelString m_builtIn = createBuiltInModel();

    /** @return the "model file" setting: a path or URL; empty means the built-in model chosen */
    static SettingsModelString createModelFileModel() {
        return new SettingsModelString("model_file", "");
    }

    /** @return the built-in model used when the file is empty, by its key (toy, induction) */
    static SettingsModelString createBuiltInModel() {
        return new SettingsModelString("built_in_model", BuiltInModel.TOY.key());
    }

    /** Settings added after the node's first ones: a workflow without the key used the toy model. */
    private List<Added> added() {
        return List.of(Added.of(m_builtIn, BuiltInModel.TOY.key(), "0.1.0"));
    }

    LoadGTransformerNodeModel() {
        super(new PortType[0], new PortType[]{GTransformerPortObject.TYPE});
    }

    @Override
    protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        ModelFiles.checkRuntime();
        ModelInfo info = ModelFiles.info(m_file.getStringValue(), builtIn());
        return new PortObjectSpec[]{new GTransformerPortObjectSpec(info)};
    }

    @Override
    protected PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec) throws Exception {
        exec.setMessage("Reading the model");
        ModelFiles.Loaded loaded = ModelFiles.read(m_file.getStringValue(), builtIn());
        exec.setProgress(1.0);
        return new PortObject[]{new GTransformerPortObject(loaded.bytes(), new GTransformerPortObjectSpec(loaded.info()))};
    }

    private BuiltInModel builtIn() throws InvalidSettingsException {
        return builtIn(m_builtIn.getStringValue());
    }

    static BuiltInModel builtIn(final String key) throws InvalidSettingsException {
        BuiltInModel model = Keyed.find(BuiltInModel.class, key);
        if (model == null) {
            throw new InvalidSettingsException("'" + key + "' is not a built-in model; choose "
                + Keyed.keys(BuiltInModel.class) + ".");
        }
        return model;
    }

    @Override
    protected void saveSettingsTo(final NodeSettingsWO settings) {
        m_file.saveSettingsTo(settings);
        Added.save(added(), settings);
    }

    @Override
    protected void validateSettings(final NodeSettingsRO settings) throws InvalidSettingsException {
        m_file.validateSettings(settings);
        Added.validate(added(), settings);
        if (settings.containsKey(m_builtIn.getKey())) {
            builtIn(settings.getString(m_builtIn.getKey()));
        }
    }

    @Override
    protected void loadValidatedSettingsFrom(final NodeSettingsRO settings) throws InvalidSettingsException {
        m_file.loadSettingsFrom(settings);
        Added.load(added(), settings);
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
