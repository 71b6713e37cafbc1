package org.knime.core.data;

/**
 * Stand-in for KNIME's {@code BoundedValue} (compile/test only, never shipped): marker of ordered cell types (numeric cells implement it).
 */
public interface BoundedValue extends DataValue {
}
