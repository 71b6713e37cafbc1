package org.knime.core.data.def;

import org.knime.core.data.BoundedValue;
import org.knime.core.data.ComplexNumberValue;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataType;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.FuzzyIntervalValue;
import org.knime.core.data.FuzzyNumberValue;

/** Stand-in for KNIME's {@code DoubleCell} (compile/test only, never shipped): a cell holding a double. */
public final class DoubleCell extends DataCell implements DoubleValue, ComplexNumberValue, FuzzyNumberValue,
    FuzzyIntervalValue, BoundedValue {

    private static final long serialVersionUID = 1L;

    /** The type of double cells. */
    public static final DataType TYPE = DataType.getType(DoubleCell.class);

    private final double m_double;

    /** @param d the value */
    public DoubleCell(final double d) {
        m_double = d;
    }

    @Override
    public double getDoubleValue() {
        return m_double;
    }

    @Override
    public double getCore() {
        return m_double;
    }

    @Override
    public double getMaxSupport() {
        return m_double;
    }

    @Override
    public double getMinSupport() {
        return m_double;
    }

    @Override
    public double getMaxCore() {
        return m_double;
    }

    @Override
    public double getMinCore() {
        return m_double;
    }

    @Override
    public double getCenterOfGravity() {
        return m_double;
    }

    @Override
    public double getImaginaryValue() {
        return 0;
    }

    @Override
    public double getRealValue() {
        return m_double;
    }

    @Override
    protected boolean equalsDataCell(final DataCell dc) {
        return Double.doubleToLongBits(((DoubleCell)dc).m_double) == Double.doubleToLongBits(m_double);
    }

    @Override
    public int hashCode() {
        return Double.hashCode(m_double);
    }

    @Override
    public String toString() {
        return Double.toString(m_double);
    }
}
