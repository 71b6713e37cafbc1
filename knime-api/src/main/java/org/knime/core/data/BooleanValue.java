package org.knime.core.data;

/** Stand-in for KNIME's {@code BooleanValue} (compile/test only, never shipped): cells holding a boolean. */
public interface BooleanValue extends DataValue {

    boolean getBooleanValue();
}
