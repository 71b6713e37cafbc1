package org.knime.core.node.defaultnodesettings;

/**
 * Stand-in for KNIME's {@code SettingsModelFlowVariableCompatible} (compile/test only, never shipped); needed
 * because the string and number settings models implement it in the real API. {@code getFlowVariableType()} is left
 * out because it returns a type the stand-in does not contain.
 */
public interface SettingsModelFlowVariableCompatible {

    String getKey();
}
