package org.knime.core.data;

/**
 * Stand-in for KNIME's {@code LongValue} (compile/test only, never shipped); needed because IntCell implements it in the real API.
 */
public interface LongValue extends DataValue {

    long getLongValue();
}
