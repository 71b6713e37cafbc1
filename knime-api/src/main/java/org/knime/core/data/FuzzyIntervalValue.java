package org.knime.core.data;

/**
 * Stand-in for KNIME's {@code FuzzyIntervalValue} (compile/test only, never shipped); needed because the numeric cells implement it in the real API.
 */
public interface FuzzyIntervalValue extends DataValue {

    double getMinSupport();

    double getMinCore();

    double getMaxCore();

    double getMaxSupport();

    double getCenterOfGravity();
}
