package org.knime.core.node.defaultnodesettings;

import java.awt.Dimension;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

import javax.swing.DefaultComboBoxModel;
import javax.swing.JComboBox;
import javax.swing.JLabel;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

/**
 * Stand-in for KNIME's {@code DialogComponentStringSelection} (compile/test only, never shipped): a label and a
 * combo box of fixed strings. The selection is written into the model when it changes and on save.
 */
public final class DialogComponentStringSelection extends DialogComponent {

    private final JLabel m_label;

    private final JComboBox<String> m_combo;

    private boolean m_updating;

    /**
     * @param stringModel the model
     * @param label the label
     * @param list the choices, not empty
     */
    public DialogComponentStringSelection(final SettingsModelString stringModel, final String label,
        final String... list) {
        this(stringModel, label, Arrays.asList(list), false);
    }

    /**
     * @param stringModel the model
     * @param label the label
     * @param list the choices, not empty
     */
    public DialogComponentStringSelection(final SettingsModelString stringModel, final String label,
        final Collection<String> list) {
        this(stringModel, label, list, false);
    }

    /**
     * @param stringModel the model
     * @param label the label
     * @param list the choices, not empty
     * @param editable whether other values may be typed in
     */
    public DialogComponentStringSelection(final SettingsModelString stringModel, final String label,
        final Collection<String> list, final boolean editable) {
        super(stringModel);
        if (list == null || list.isEmpty()) {
            throw new IllegalArgumentException("Selection list must not be empty");
        }
        m_label = new JLabel(label == null ? "" : label);
        m_combo = new JComboBox<>(new DefaultComboBoxModel<>(list.toArray(new String[0])));
        m_combo.setEditable(editable);
        m_combo.addActionListener(e -> commit());
        getComponentPanel().add(m_label);
        getComponentPanel().add(m_combo);
        getModel().prependChangeListener(e -> updateComponent());
        updateComponent();
    }

    private void commit() {
        if (!m_updating) {
            Object sel = m_combo.isEditable() ? m_combo.getEditor().getItem() : m_combo.getSelectedItem();
            ((SettingsModelString)getModel()).setStringValue(sel == null ? null : sel.toString());
        }
    }

    @Override
    protected void updateComponent() {
        m_updating = true;
        try {
            String v = ((SettingsModelString)getModel()).getStringValue();
            if (v != null && (m_combo.isEditable() || indexOf(v) >= 0)) {
                if (!Objects.equals(m_combo.getSelectedItem(), v)) {
                    m_combo.setSelectedItem(v);
                }
            }
            setEnabledComponents(getModel().isEnabled());
        } finally {
            m_updating = false;
        }
    }

    private int indexOf(final String v) {
        for (int i = 0; i < m_combo.getItemCount(); i++) {
            if (m_combo.getItemAt(i).equals(v)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    protected void validateSettingsBeforeSave() throws InvalidSettingsException {
        commit();
        if (((SettingsModelString)getModel()).getStringValue() == null) {
            throw new InvalidSettingsException("No item selected.");
        }
    }

    @Override
    protected void checkConfigurabilityBeforeLoad(final PortObjectSpec[] specs) throws NotConfigurableException {
        // works with any input
    }

    @Override
    protected void setEnabledComponents(final boolean enabled) {
        m_combo.setEnabled(enabled);
        m_label.setEnabled(enabled);
    }

    /**
     * @param width preferred width of the combo box
     * @param height preferred height of the combo box
     */
    public void setSizeComponents(final int width, final int height) {
        m_combo.setPreferredSize(new Dimension(width, height));
    }

    @Override
    public void setToolTipText(final String text) {
        m_combo.setToolTipText(text);
        m_label.setToolTipText(text);
    }

    /**
     * @param newItems the new choices, not empty
     * @param select the item to select (null: keep the model's value if it is a choice, else the first)
     */
    public void replaceListItems(final Collection<String> newItems, final String select) {
        if (newItems == null || newItems.isEmpty()) {
            throw new IllegalArgumentException("Selection list must not be empty");
        }
        List<String> items = new ArrayList<>(newItems);
        m_updating = true;
        try {
            m_combo.setModel(new DefaultComboBoxModel<>(items.toArray(new String[0])));
        } finally {
            m_updating = false;
        }
        String current = ((SettingsModelString)getModel()).getStringValue();
        String sel = select != null ? select : items.contains(current) ? current : items.get(0);
        m_combo.setSelectedItem(sel);
        commit();
    }
}
