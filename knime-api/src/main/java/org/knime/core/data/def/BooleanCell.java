package org.knime.core.data.def;

import org.knime.core.data.BooleanValue;
import org.knime.core.data.BoundedValue;
import org.knime.core.data.ComplexNumberValue;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataType;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.FuzzyIntervalValue;
import org.knime.core.data.FuzzyNumberValue;
import org.knime.core.data.IntValue;
import org.knime.core.data.LongValue;
import org.knime.core.data.NominalValue;

/**
 * Stand-in for KNIME's {@code BooleanCell} (compile/test only, never shipped). As in KNIME it is also an
 * {@link IntValue}, a {@link LongValue} and a {@link DoubleValue} (true is 1, false is 0), so a boolean column is
 * compatible with {@code LongValue}: code that wants integer columns must leave booleans out itself. Only the two
 * instances {@link #TRUE} and {@link #FALSE} exist.
 */
public final class BooleanCell extends DataCell implements BooleanValue, IntValue, LongValue, DoubleValue,
    ComplexNumberValue, FuzzyNumberValue, FuzzyIntervalValue, BoundedValue, NominalValue {

    private static final long serialVersionUID = 1L;

    /** The true cell. */
    public static final BooleanCell TRUE = new BooleanCell(true);

    /** The false cell. */
    public static final BooleanCell FALSE = new BooleanCell(false);

    /** The type of boolean cells. */
    public static final DataType TYPE = DataType.getType(BooleanCell.class);

    private final boolean m_value;

    private BooleanCell(final boolean value) {
        m_value = value;
    }

    /**
     * @param value a boolean
     * @return {@link #TRUE} or {@link #FALSE}
     * @deprecated as in KNIME (use {@code BooleanCellFactory.create(boolean)} there)
     */
    @Deprecated
    public static final BooleanCell get(final boolean value) {
        return value ? TRUE : FALSE;
    }

    @Override
    public boolean getBooleanValue() {
        return m_value;
    }

    @Override
    public int getIntValue() {
        return m_value ? 1 : 0;
    }

    @Override
    public long getLongValue() {
        return getIntValue();
    }

    @Override
    public double getDoubleValue() {
        return getIntValue();
    }

    @Override
    public double getCore() {
        return getDoubleValue();
    }

    @Override
    public double getMaxSupport() {
        return getDoubleValue();
    }

    @Override
    public double getMinSupport() {
        return getDoubleValue();
    }

    @Override
    public double getMaxCore() {
        return getDoubleValue();
    }

    @Override
    public double getMinCore() {
        return getDoubleValue();
    }

    @Override
    public double getCenterOfGravity() {
        return getDoubleValue();
    }

    @Override
    public double getImaginaryValue() {
        return 0;
    }

    @Override
    public double getRealValue() {
        return getDoubleValue();
    }

    @Override
    protected boolean equalsDataCell(final DataCell dc) {
        return ((BooleanCell)dc).m_value == m_value;
    }

    @Override
    public int hashCode() {
        return getIntValue();
    }

    @Override
    public String toString() {
        return Boolean.toString(m_value);
    }

    private Object readResolve() {
        return m_value ? TRUE : FALSE;
    }
}
