package org.knime.core.data;

/**
 * Stand-in for KNIME's {@code IntValue} (compile/test only, never shipped): cells holding an int.
 */
public interface IntValue extends DataValue {

    int getIntValue();
}
