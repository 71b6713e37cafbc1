package org.knime.core.node.defaultnodesettings;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import javax.swing.DefaultComboBoxModel;
import javax.swing.JComboBox;
import javax.swing.JLabel;

import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataValue;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.util.ColumnFilter;
import org.knime.core.node.util.DataValueColumnFilter;

/**
 * Stand-in for KNIME's {@code DialogComponentColumnNameSelection} (compile/test only, never shipped): a combo box
 * of the columns of input {@code specIndex} that pass the filter. When required and no column passes (or the spec
 * is missing), loading throws {@link NotConfigurableException}, as in KNIME. Without a matching saved value the
 * first column is selected; the selection is written into the model when it changes and on save.
 */
public class DialogComponentColumnNameSelection extends DialogComponent {

    private static final String NONE = "<none>";

    private final JLabel m_label;

    private final JComboBox<String> m_combo = new JComboBox<>();

    private final int m_specIndex;

    private final boolean m_isRequired;

    private final boolean m_addNoneCol;

    private ColumnFilter m_filter;

    private boolean m_updating;

    /**
     * @param model the model
     * @param label the label
     * @param specIndex the input whose columns are offered
     * @param columnFilter which columns are offered
     */
    public DialogComponentColumnNameSelection(final SettingsModelString model, final String label,
        final int specIndex, final ColumnFilter columnFilter) {
        this(model, label, specIndex, true, false, columnFilter);
    }

    /**
     * @param model the model
     * @param label the label
     * @param specIndex the input whose columns are offered
     * @param classFilter the value classes of offered columns (any of them)
     */
    @SafeVarargs
    public DialogComponentColumnNameSelection(final SettingsModelString model, final String label,
        final int specIndex, final Class<? extends DataValue>... classFilter) {
        this(model, label, specIndex, true, false, new DataValueColumnFilter(classFilter));
    }

    /**
     * @param model the model
     * @param label the label
     * @param specIndex the input whose columns are offered
     * @param isRequired whether a compatible column must exist
     * @param classFilter the value classes of offered columns
     */
    @SafeVarargs
    public DialogComponentColumnNameSelection(final SettingsModelString model, final String label,
        final int specIndex, final boolean isRequired, final Class<? extends DataValue>... classFilter) {
        this(model, label, specIndex, isRequired, false, new DataValueColumnFilter(classFilter));
    }

    /**
     * @param model the model
     * @param label the label
     * @param specIndex the input whose columns are offered
     * @param isRequired whether a compatible column must exist
     * @param addNoneCol whether a "none" entry is offered
     * @param classFilter the value classes of offered columns
     */
    @SafeVarargs
    public DialogComponentColumnNameSelection(final SettingsModelString model, final String label,
        final int specIndex, final boolean isRequired, final boolean addNoneCol,
        final Class<? extends DataValue>... classFilter) {
        this(model, label, specIndex, isRequired, addNoneCol, new DataValueColumnFilter(classFilter));
    }

    /**
     * @param model the model
     * @param label the label
     * @param specIndex the input whose columns are offered
     * @param isRequired whether a compatible column must exist
     * @param columnFilter which columns are offered
     */
    public DialogComponentColumnNameSelection(final SettingsModelString model, final String label,
        final int specIndex, final boolean isRequired, final ColumnFilter columnFilter) {
        this(model, label, specIndex, isRequired, false, columnFilter);
    }

    /**
     * @param model the model
     * @param label the label
     * @param specIndex the input whose columns are offered
     * @param isRequired whether a compatible column must exist
     * @param addNoneCol whether a "none" entry is offered
     * @param columnFilter which columns are offered
     */
    public DialogComponentColumnNameSelection(final SettingsModelString model, final String label,
        final int specIndex, final boolean isRequired, final boolean addNoneCol, final ColumnFilter columnFilter) {
        super(model);
        m_label = new JLabel(label == null ? "" : label);
        m_specIndex = specIndex;
        m_isRequired = isRequired;
        m_addNoneCol = addNoneCol;
        m_filter = Objects.requireNonNull(columnFilter, "column filter");
        m_combo.addActionListener(e -> commit());
        getComponentPanel().add(m_label);
        getComponentPanel().add(m_combo);
        getModel().prependChangeListener(e -> updateComponent());
        updateComponent();
    }

    private DataTableSpec spec() {
        PortObjectSpec s = getLastTableSpec(m_specIndex);
        return s instanceof DataTableSpec t ? t : null;
    }

    private List<String> offered() {
        List<String> names = new ArrayList<>();
        if (m_addNoneCol) {
            names.add(NONE);
        }
        DataTableSpec spec = spec();
        if (spec != null) {
            for (DataColumnSpec c : spec) {
                if (m_filter.includeColumn(c)) {
                    names.add(c.getName());
                }
            }
        }
        return names;
    }

    private void commit() {
        if (m_updating) {
            return;
        }
        String sel = getSelected();
        SettingsModelString model = (SettingsModelString)getModel();
        if (model instanceof SettingsModelColumnName c) {
            c.setSelection(sel, false);
        } else {
            model.setStringValue(sel);
        }
    }

    @Override
    protected void updateComponent() {
        m_updating = true;
        try {
            List<String> names = offered();
            m_combo.setModel(new DefaultComboBoxModel<>(names.toArray(new String[0])));
            String v = ((SettingsModelString)getModel()).getStringValue();
            if (v != null && names.contains(v)) {
                m_combo.setSelectedItem(v);
            } else if (v == null && m_addNoneCol) {
                m_combo.setSelectedItem(NONE);
            } else if (!names.isEmpty()) {
                m_combo.setSelectedIndex(0);
            }
            setEnabledComponents(getModel().isEnabled());
        } finally {
            m_updating = false;
        }
    }

    /** @return the selected column name (null for none) */
    public final String getSelected() {
        Object o = m_combo.getSelectedItem();
        return o == null || NONE.equals(o) ? null : o.toString();
    }

    /** @return the spec of the selected column, or null */
    public final DataColumnSpec getSelectedAsSpec() {
        DataTableSpec spec = spec();
        String sel = getSelected();
        return spec == null || sel == null ? null : spec.getColumnSpec(sel);
    }

    @Override
    protected void checkConfigurabilityBeforeLoad(final PortObjectSpec[] specs) throws NotConfigurableException {
        if (!m_isRequired) {
            return;
        }
        PortObjectSpec s = specs == null || m_specIndex >= specs.length ? null : specs[m_specIndex];
        if (!(s instanceof DataTableSpec spec)) {
            throw new NotConfigurableException("No input table available at port " + m_specIndex
                + " (connect and configure the predecessor)");
        }
        for (DataColumnSpec c : spec) {
            if (m_filter.includeColumn(c)) {
                return;
            }
        }
        throw new NotConfigurableException(m_filter.allFilteredMsg());
    }

    @Override
    protected void validateSettingsBeforeSave() throws InvalidSettingsException {
        commit();
        if (m_isRequired && getSelected() == null) {
            throw new InvalidSettingsException("No column selected.");
        }
    }

    @Override
    protected void setEnabledComponents(final boolean enabled) {
        m_combo.setEnabled(enabled);
        m_label.setEnabled(enabled);
    }

    @Override
    public void setToolTipText(final String text) {
        m_combo.setToolTipText(text);
        m_label.setToolTipText(text);
    }

    /**
     * @param filter the new filter
     * @throws NotConfigurableException if required and no column passes it
     */
    public void setColumnFilter(final ColumnFilter filter) throws NotConfigurableException {
        m_filter = Objects.requireNonNull(filter, "column filter");
        if (getLastTableSpecs() != null) {
            checkConfigurabilityBeforeLoad(getLastTableSpecs());
        }
        updateComponent();
    }
}
