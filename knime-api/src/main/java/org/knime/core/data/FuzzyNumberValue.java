package org.knime.core.data;

/**
 * Stand-in for KNIME's {@code FuzzyNumberValue} (compile/test only, never shipped); needed because the numeric cells implement it in the real API.
 */
public interface FuzzyNumberValue extends DataValue {

    double getMinSupport();

    double getCore();

    double getMaxSupport();
}
