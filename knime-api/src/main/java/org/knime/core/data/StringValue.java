package org.knime.core.data;

/**
 * Stand-in for KNIME's {@code StringValue} (compile/test only, never shipped): cells holding a string.
 */
public interface StringValue extends DataValue {

    String getStringValue();
}
