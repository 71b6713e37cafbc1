package org.knime.core.node.defaultnodesettings;

import java.awt.event.ItemEvent;

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
 * Stand-in for KNIME's {@code DialogComponentColumnNameSelection} (compile/test only, never shipped): a combo box of
 * the columns of input {@code specIndex} that pass the filter. It behaves as knime/knime-core
 * {@code org.knime.core/src/eclipse/org/knime/core/node/defaultnodesettings/DialogComponentColumnNameSelection.java}
 * with {@code org/knime/core/node/util/ColumnSelectionPanel.java} ({@code analytics-platform/5.5.3}, unchanged on
 * master) do:
 * <ul>
 * <li>loading checks the specs first: none for the port, or not a table spec, is a NotConfigurableException; a
 * required selection needs a spec with a column the filter accepts (an empty spec, what KNIME passes for an
 * unconnected table port, fails with the filter's message); a selection that is not required accepts a null spec.
 * Then the model loads its value, then the combo box is filled from the spec (see {@link ColumnChooser}): a stored
 * name that is not offered is replaced by "&lt;none&gt;" when offered, else by the <em>last</em> compatible
 * column;</li>
 * <li>every item the combo box selects, also while it is filled during load, is written into the model at once
 * (model change listeners see each step); OK writes the selection into the model once more before saving, so
 * nothing selected saves null; there is no "no column selected" error;</li>
 * <li>a {@link SettingsModelColumnName} adds "&lt;RowID&gt;" and stores whether it is selected.</li>
 * </ul>
 */
public class DialogComponentColumnNameSelection extends DialogComponent {

    private static final String UNKNOWN = "** Unknown column **";

    private final ColumnChooser m_chooser;

    private final JLabel m_label;

    private final int m_specIndex;

    private final boolean m_isRequired;

    private ColumnFilter m_columnFilter;

    /**
     * @param model the model
     * @param label the label
     * @param specIndex the input whose columns are offered
     * @param columnFilter which columns are offered
     */
    public DialogComponentColumnNameSelection(final SettingsModelString model, final String label,
        final int specIndex, final ColumnFilter columnFilter) {
        this(model, label, specIndex, true, columnFilter);
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
        this(model, label, specIndex, true, classFilter);
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
        this(model, label, specIndex, isRequired, new DataValueColumnFilter(classFilter));
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
        m_label = new JLabel(label);
        getComponentPanel().add(m_label);
        m_isRequired = isRequired;
        m_columnFilter = columnFilter;
        m_chooser = new ColumnChooser(columnFilter, addNoneCol, model instanceof SettingsModelColumnName);
        m_chooser.setRequired(isRequired);
        getComponentPanel().add(m_chooser.comboBox());
        m_specIndex = specIndex;
        m_chooser.addItemListener(e -> {
            if (e.getStateChange() == ItemEvent.SELECTED) {
                updateModel();
            }
        });
        getModel().prependChangeListener(e -> {
            if (getModel() instanceof SettingsModelColumnName c && c.useRowID()) {
                m_chooser.setRowIdSelected();
            } else {
                m_chooser.setSelectedColumn(((SettingsModelString)getModel()).getStringValue());
            }
            setEnabledComponents(getModel().isEnabled());
        });
        updateComponent();
    }

    /** @return the selected column's spec, null for none or the row ID */
    public final DataColumnSpec getSelectedAsSpec() {
        return m_chooser.selectedSpec();
    }

    /** @return the selected column's name, null for none or the row ID */
    public final String getSelected() {
        return m_chooser.selectedColumn();
    }

    /** Fills the combo box from the last spec (an empty one when none and not required) and the model's value. */
    @Override
    protected void updateComponent() {
        String value = ((SettingsModelString)getModel()).getStringValue();
        String selected = value == null || value.isEmpty() ? UNKNOWN : value;
        boolean useRowId = getModel() instanceof SettingsModelColumnName c && c.useRowID();
        DataTableSpec spec = (DataTableSpec)getLastTableSpec(m_specIndex);
        try {
            if (spec != null) {
                m_chooser.update(spec, selected, useRowId);
            } else if (!m_isRequired) {
                m_chooser.update(new DataTableSpec(), selected, useRowId);
            }
        } catch (NotConfigurableException e) {
            // checked before loading (checkConfigurabilityBeforeLoad), as in KNIME
        }
        setEnabledComponents(getModel().isEnabled());
    }

    private void updateModel() {
        if (getModel() instanceof SettingsModelColumnName c) {
            c.setSelection(m_chooser.selectedColumn(), m_chooser.rowIdSelected());
        } else {
            ((SettingsModelString)getModel()).setStringValue(m_chooser.selectedColumn());
        }
    }

    @Override
    protected void checkConfigurabilityBeforeLoad(final PortObjectSpec[] specs) throws NotConfigurableException {
        if (specs == null || specs.length <= m_specIndex) {
            throw new NotConfigurableException(NEED_SPEC);
        }
        if (specs[m_specIndex] != null && !(specs[m_specIndex] instanceof DataTableSpec)) {
            throw new NotConfigurableException("Wrong type of PortObject for ColumnNameSelection, expecting "
                + "DataTableSpec!");
        }
        DataTableSpec spec = (DataTableSpec)specs[m_specIndex];
        if (!m_isRequired) {
            return;
        }
        if (spec == null) {
            throw new NotConfigurableException(NEED_SPEC);
        }
        for (DataColumnSpec c : spec) {
            if (m_columnFilter.includeColumn(c)) {
                return;
            }
        }
        throw new NotConfigurableException(m_columnFilter.allFilteredMsg());
    }

    private static final String NEED_SPEC =
        "Need input table spec to configure dialog. Configure or execute predecessor nodes.";

    /** Writes the selection into the model (in case a selection was missed). */
    @Override
    protected void validateSettingsBeforeSave() throws InvalidSettingsException {
        updateModel();
    }

    @Override
    protected void setEnabledComponents(final boolean enabled) {
        m_chooser.comboBox().setEnabled(enabled);
        m_label.setEnabled(enabled);
    }

    @Override
    public void setToolTipText(final String text) {
        m_chooser.comboBox().setToolTipText(text);
        m_label.setToolTipText(text);
    }

    /**
     * @param filter the new filter, applied to the last spec
     * @throws NotConfigurableException if required and no column passes it
     */
    public void setColumnFilter(final ColumnFilter filter) throws NotConfigurableException {
        m_columnFilter = filter;
        m_chooser.setColumnFilter(filter);
    }
}
