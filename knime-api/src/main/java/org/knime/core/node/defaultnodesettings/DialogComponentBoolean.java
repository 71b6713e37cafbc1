package org.knime.core.node.defaultnodesettings;

import javax.swing.JCheckBox;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

/** Stand-in for KNIME's {@code DialogComponentBoolean} (compile/test only, never shipped): a check box. */
public final class DialogComponentBoolean extends DialogComponent {

    private final JCheckBox m_box;

    /**
     * @param booleanModel the model
     * @param label the check box text
     */
    public DialogComponentBoolean(final SettingsModelBoolean booleanModel, final String label) {
        super(booleanModel);
        m_box = new JCheckBox(label);
        getComponentPanel().add(m_box);
        m_box.addItemListener(e -> booleanModel.setBooleanValue(m_box.isSelected()));
        getModel().prependChangeListener(e -> updateComponent());
        updateComponent();
    }

    @Override
    protected void updateComponent() {
        boolean v = ((SettingsModelBoolean)getModel()).getBooleanValue();
        if (m_box.isSelected() != v) {
            m_box.setSelected(v);
        }
        setEnabledComponents(getModel().isEnabled());
    }

    @Override
    protected void validateSettingsBeforeSave() throws InvalidSettingsException {
        ((SettingsModelBoolean)getModel()).setBooleanValue(m_box.isSelected());
    }

    @Override
    protected void checkConfigurabilityBeforeLoad(final PortObjectSpec[] specs) throws NotConfigurableException {
        // works with any input
    }

    @Override
    protected void setEnabledComponents(final boolean enabled) {
        m_box.setEnabled(enabled);
    }

    /** @return whether the box is checked */
    public boolean isSelected() {
        return m_box.isSelected();
    }

    @Override
    public void setToolTipText(final String text) {
        m_box.setToolTipText(text);
    }
}
