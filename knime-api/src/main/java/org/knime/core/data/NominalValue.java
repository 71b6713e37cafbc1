package org.knime.core.data;

/**
 * Stand-in for KNIME's {@code NominalValue} (compile/test only, never shipped): marker of cells usable as nominal values (StringCell implements it).
 */
public interface NominalValue extends DataValue {
}
