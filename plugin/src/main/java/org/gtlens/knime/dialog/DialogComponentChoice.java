package org.gtlens.knime.dialog;

import java.util.List;

import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.JPanel;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.defaultnodesettings.DialogComponent;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.knime.core.node.port.PortObjectSpec;

/**
 * A drop-down of labelled options over a string setting that stores the option's key, so a workflow keeps working
 * when a label is reworded. KNIME's string selection stores what it shows; this one does not.
 */
public final class DialogComponentChoice extends DialogComponent {

    private final List<Choice> m_choices;

    private final JComboBox<Choice> m_box;

    /**
     * @param model the setting (holds a key)
     * @param label the label before the drop-down
     * @param choices the options
     */
    public DialogComponentChoice(final SettingsModelString model, final String label, final List<Choice> choices) {
        super(model);
        m_choices = List.copyOf(choices);
        m_box = new JComboBox<>(m_choices.toArray(new Choice[0]));
        m_box.addActionListener(e -> {
            Choice c = (Choice)m_box.getSelectedItem();
            if (c != null && !c.key().equals(model.getStringValue())) {
                model.setStringValue(c.key());
            }
        });
        // KNIME's DialogComponent does not follow its model; each component listens itself (a value or enabled
        // state set by code, e.g. another setting's listener, must show)
        model.addChangeListener(e -> updateComponent());
        JPanel panel = getComponentPanel();
        panel.add(new JLabel(label));
        panel.add(m_box);
        updateComponent();
    }

    /** @return the drop-down (for tests) */
    public JComboBox<Choice> box() {
        return m_box;
    }

    @Override
    protected void updateComponent() {
        Choice c = Choice.of(m_choices, ((SettingsModelString)getModel()).getStringValue());
        if (c != null && c != m_box.getSelectedItem()) {
            m_box.setSelectedItem(c);
        }
        setEnabledComponents(getModel().isEnabled());
    }

    @Override
    protected void validateSettingsBeforeSave() throws InvalidSettingsException {
        if (m_box.getSelectedItem() == null) {
            throw new InvalidSettingsException("Choose an option.");
        }
        ((SettingsModelString)getModel()).setStringValue(((Choice)m_box.getSelectedItem()).key());
    }

    @Override
    protected void checkConfigurabilityBeforeLoad(final PortObjectSpec[] specs) throws NotConfigurableException {
        // any input will do
    }

    @Override
    protected void setEnabledComponents(final boolean enabled) {
        m_box.setEnabled(enabled);
    }

    @Override
    public void setToolTipText(final String text) {
        m_box.setToolTipText(text);
    }
}
