package org.knime.core.node.defaultnodesettings;

import java.text.ParseException;
import java.util.Optional;

import javax.swing.JLabel;
import javax.swing.JSpinner;
import javax.swing.SpinnerNumberModel;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

/**
 * Stand-in for KNIME's {@code DialogComponentNumber} (compile/test only, never shipped): a label and a spinner for
 * an int or double model (bounded models limit the spinner).
 */
public class DialogComponentNumber extends DialogComponent {

    private final JLabel m_label;

    private final JSpinner m_spinner;

    private boolean m_updating;

    /**
     * @param numberModel the model
     * @param label the label
     * @param stepSize the spinner step
     */
    public DialogComponentNumber(final SettingsModelNumber numberModel, final String label, final Number stepSize) {
        this(numberModel, label, stepSize, 10);
    }

    /**
     * @param numberModel the model
     * @param label the label
     * @param stepSize the spinner step
     * @param compWidth the spinner width in columns
     */
    public DialogComponentNumber(final SettingsModelNumber numberModel, final String label, final Number stepSize,
        final int compWidth) {
        super(numberModel);
        m_label = new JLabel(label == null ? "" : label);
        SpinnerNumberModel sm;
        if (numberModel instanceof SettingsModelInteger) {
            Integer min = numberModel.lowerBound() == null ? Integer.MIN_VALUE : numberModel.lowerBound().intValue();
            Integer max = numberModel.upperBound() == null ? Integer.MAX_VALUE : numberModel.upperBound().intValue();
            sm = new SpinnerNumberModel((Integer)numberModel.numberValue().intValue(), min, max,
                (Integer)stepSize.intValue());
        } else {
            Double min = numberModel.lowerBound() == null ? -Double.MAX_VALUE : numberModel.lowerBound().doubleValue();
            Double max = numberModel.upperBound() == null ? Double.MAX_VALUE : numberModel.upperBound().doubleValue();
            sm = new SpinnerNumberModel((Double)numberModel.numberValue().doubleValue(), min, max,
                (Double)stepSize.doubleValue());
        }
        m_spinner = new JSpinner(sm);
        ((JSpinner.DefaultEditor)m_spinner.getEditor()).getTextField().setColumns(compWidth);
        m_spinner.addChangeListener(e -> {
            if (!m_updating) {
                numberModel.setNumberValue((Number)m_spinner.getValue());
            }
        });
        getComponentPanel().add(m_label);
        getComponentPanel().add(m_spinner);
        getModel().prependChangeListener(e -> updateComponent());
        updateComponent();
    }

    /** @return the spinner */
    public JSpinner getSpinner() {
        return m_spinner;
    }

    /** @return the label */
    public JLabel getLabel() {
        return m_label;
    }

    /** @return empty: the stand-in shows no warnings */
    public Optional<JLabel> getWarningLabel() {
        return Optional.empty();
    }

    @Override
    protected void updateComponent() {
        m_updating = true;
        try {
            Number v = ((SettingsModelNumber)getModel()).numberValue();
            if (!v.equals(m_spinner.getValue())) {
                m_spinner.setValue(v);
            }
            setEnabledComponents(getModel().isEnabled());
        } finally {
            m_updating = false;
        }
    }

    @Override
    protected void validateSettingsBeforeSave() throws InvalidSettingsException {
        try {
            m_spinner.commitEdit();
        } catch (ParseException e) {
            throw new InvalidSettingsException("Please enter a valid number.", e);
        }
        try {
            ((SettingsModelNumber)getModel()).setNumberValue((Number)m_spinner.getValue());
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException(e.getMessage(), e);
        }
    }

    @Override
    protected void checkConfigurabilityBeforeLoad(final PortObjectSpec[] specs) throws NotConfigurableException {
        // works with any input
    }

    @Override
    protected void setEnabledComponents(final boolean enabled) {
        m_spinner.setEnabled(enabled);
        m_label.setEnabled(enabled);
    }

    @Override
    public void setToolTipText(final String text) {
        m_spinner.setToolTipText(text);
        m_label.setToolTipText(text);
    }
}
