package org.knime.core.data;

/**
 * Stand-in for KNIME's {@code ComplexNumberValue} (compile/test only, never shipped); needed because the numeric cells implement it in the real API.
 */
public interface ComplexNumberValue extends DataValue {

    double getRealValue();

    double getImaginaryValue();
}
