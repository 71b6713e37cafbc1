package org.knime.core.node;

import org.knime.core.node.config.ConfigWO;

/** Stand-in for KNIME's {@code NodeSettingsWO} (compile/test only, never shipped): write access to node settings. */
public interface NodeSettingsWO extends ConfigWO {

    NodeSettingsWO addNodeSettings(String key);

    void addNodeSettings(NodeSettings settings);

    @Override
    void addPassword(String key, String encryptionKey, String value);
}
