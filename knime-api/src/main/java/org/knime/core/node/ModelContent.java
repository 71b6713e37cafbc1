package org.knime.core.node;

import org.knime.core.node.config.Config;

/**
 * Stand-in for KNIME's {@code ModelContent} (compile/test only, never shipped): the settings tree into which
 * {@code AbstractSimplePortObject(Spec)} subclasses save their content.
 */
public final class ModelContent extends Config implements ModelContentRO, ModelContentWO {

    private static final long serialVersionUID = 1L;

    /** @param key the key of the content */
    public ModelContent(final String key) {
        super(key);
    }

    @Override
    public Config getInstance(final String key) {
        return new ModelContent(key);
    }

    @Override
    public void addModelContent(final ModelContent modelContent) {
        addEntry(modelContent);
    }

    @Override
    public ModelContentWO addModelContent(final String key) {
        return (ModelContent)addConfig(key);
    }

    @Override
    public ModelContent getModelContent(final String key) throws InvalidSettingsException {
        Config c = getConfig(key);
        if (c instanceof ModelContent m) {
            return m;
        }
        throw new InvalidSettingsException("No model content stored under key \"" + key + "\"");
    }
}
