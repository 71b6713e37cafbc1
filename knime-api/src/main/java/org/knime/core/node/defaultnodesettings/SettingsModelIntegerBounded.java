package org.knime.core.node.defaultnodesettings;

import org.knime.core.node.InvalidSettingsException;

/**
 * Stand-in for KNIME's {@code SettingsModelIntegerBounded} (compile/test only, never shipped): an int setting
 * restricted to [min, max]; values outside are rejected on set (IllegalArgumentException) and on validate/load
 * (InvalidSettingsException).
 */
public class SettingsModelIntegerBounded extends SettingsModelInteger {

    private final int m_min;

    private final int m_max;

    /**
     * @param configName the key
     * @param defaultValue the initial value, within the bounds
     * @param minValue lower bound (inclusive)
     * @param maxValue upper bound (inclusive)
     */
    public SettingsModelIntegerBounded(final String configName, final int defaultValue, final int minValue,
        final int maxValue) {
        super(configName, defaultValue);
        if (minValue > maxValue) {
            throw new IllegalArgumentException("Lower bound " + minValue + " is greater than upper bound " + maxValue);
        }
        m_min = minValue;
        m_max = maxValue;
        if (defaultValue < minValue || defaultValue > maxValue) {
            throw new IllegalArgumentException("Default value " + defaultValue + " is out of bounds [" + minValue
                + ", " + maxValue + "]");
        }
    }

    @Override
    protected SettingsModelIntegerBounded createClone() {
        SettingsModelIntegerBounded c = new SettingsModelIntegerBounded(getConfigName(), getIntValue(), m_min, m_max);
        c.setEnabled(isEnabled());
        return c;
    }

    /** @return the lower bound */
    public int getLowerBound() {
        return m_min;
    }

    /** @return the upper bound */
    public int getUpperBound() {
        return m_max;
    }

    @Override
    Number lowerBound() {
        return m_min;
    }

    @Override
    Number upperBound() {
        return m_max;
    }

    @Override
    protected void validateValue(final int value) throws InvalidSettingsException {
        if (value < m_min || value > m_max) {
            throw new InvalidSettingsException("Value (=" + value + ") must be within [" + m_min + ", " + m_max
                + "] (" + getConfigName() + ")");
        }
    }

    /**
     * @param newValue the new value
     * @throws IllegalArgumentException if it is out of bounds
     */
    @Override
    public void setIntValue(final int newValue) {
        if (newValue < m_min || newValue > m_max) {
            throw new IllegalArgumentException("Value (=" + newValue + ") must be within [" + m_min + ", " + m_max
                + "]");
        }
        super.setIntValue(newValue);
    }
}
