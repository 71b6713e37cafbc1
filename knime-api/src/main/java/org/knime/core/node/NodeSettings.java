package org.knime.core.node;

import org.knime.core.node.config.Config;
import org.knime.core.node.config.ConfigWO;

/**
 * Stand-in for KNIME's {@code NodeSettings} (compile/test only, never shipped): the in-memory settings tree passed
 * to {@code NodeModel#saveSettingsTo}, {@code validateSettings}, {@code loadValidatedSettingsFrom} and to dialogs.
 * Tests create one with {@code new NodeSettings("key")}, as in KNIME.
 */
public final class NodeSettings extends Config implements NodeSettingsRO, NodeSettingsWO {

    private static final long serialVersionUID = 1L;

    /** @param key the key of the settings */
    public NodeSettings(final String key) {
        super(key);
    }

    @Override
    public Config getInstance(final String key) {
        return new NodeSettings(key);
    }

    @Override
    public void copyTo(final ConfigWO dest) {
        super.copyTo(dest);
    }

    @Override
    public NodeSettingsWO addNodeSettings(final String key) {
        return (NodeSettings)addConfig(key);
    }

    @Override
    public void addNodeSettings(final NodeSettings settings) {
        addEntry(settings);
    }

    @Override
    public NodeSettings getNodeSettings(final String key) throws InvalidSettingsException {
        Config c = getConfig(key);
        if (c instanceof NodeSettings s) {
            return s;
        }
        throw new InvalidSettingsException("No node settings stored under key \"" + key + "\"");
    }
}
