package org.knime.core.data;

/**
 * Stand-in for KNIME's {@code DoubleValue} (compile/test only, never shipped): cells holding a double.
 */
public interface DoubleValue extends DataValue {

    double getDoubleValue();
}
