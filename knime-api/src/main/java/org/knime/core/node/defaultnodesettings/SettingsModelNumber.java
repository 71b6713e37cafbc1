package org.knime.core.node.defaultnodesettings;

/**
 * Stand-in for KNIME's {@code SettingsModelNumber} (compile/test only, never shipped): base of the int and double
 * models edited by {@link DialogComponentNumber}.
 */
public abstract class SettingsModelNumber extends SettingsModel {

    /** Implicit constructor, as in KNIME. */
    public SettingsModelNumber() {
    }

    abstract Number numberValue();

    abstract void setNumberValue(Number value);

    /** @return the lower bound, null if unbounded */
    Number lowerBound() {
        return null;
    }

    /** @return the upper bound, null if unbounded */
    Number upperBound() {
        return null;
    }
}
