package org.knime.core.node.defaultnodesettings;

import java.awt.Component;
import java.awt.event.ItemListener;

import javax.swing.DefaultListCellRenderer;
import javax.swing.JComboBox;
import javax.swing.JList;

import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.util.ColumnFilter;

/**
 * Stand-in helper (package-private): the column combo box of KNIME's {@code ColumnSelectionPanel}
 * (knime/knime-core {@code org.knime.core/src/eclipse/org/knime/core/node/util/ColumnSelectionPanel.java},
 * {@code analytics-platform/5.5.3}, unchanged on master), which {@link DialogComponentColumnNameSelection} uses. It
 * makes the same Swing calls in the same order, so a listener sees the same item events: {@link #update} empties
 * the box, adds a "&lt;none&gt;" entry (when offered) and a "&lt;RowID&gt;" entry (for a column-name model), each
 * with a name made unique against the spec, then every column the filter accepts (the first entry added becomes
 * selected, as in any JComboBox); then it selects the column of the given name if offered, else "&lt;none&gt;"
 * (when offered and the row ID is not wanted), else "&lt;RowID&gt;" (when offered and wanted), else the last entry.
 * Nothing offered while required is a NotConfigurableException with the filter's message.
 */
final class ColumnChooser {

    private static final String NONE_LABEL = "<none>";

    private static final String ROWID_LABEL = "<RowID>";

    private final JComboBox<DataColumnSpec> m_combo = new JComboBox<>();

    private final boolean m_noneOption;

    private final boolean m_rowIdOption;

    private ColumnFilter m_filter;

    private boolean m_required = true;

    private DataColumnSpec m_none;

    private DataColumnSpec m_rowId;

    private DataTableSpec m_spec;

    ColumnChooser(final ColumnFilter filter, final boolean noneOption, final boolean rowIdOption) {
        if (filter == null) {
            throw new NullPointerException("ColumnFilter must not be null");
        }
        m_filter = filter;
        m_noneOption = noneOption;
        m_rowIdOption = rowIdOption;
        m_combo.setRenderer(new DefaultListCellRenderer() {
            private static final long serialVersionUID = 1L;

            @Override
            public Component getListCellRendererComponent(final JList<?> list, final Object value, final int index,
                final boolean isSelected, final boolean cellHasFocus) {
                Object shown = value instanceof DataColumnSpec c ? c.getName() : value;
                return super.getListCellRendererComponent(list, shown, index, isSelected, cellHasFocus);
            }
        });
    }

    JComboBox<DataColumnSpec> comboBox() {
        return m_combo;
    }

    void setRequired(final boolean required) {
        m_required = required;
    }

    void addItemListener(final ItemListener l) {
        m_combo.addItemListener(l);
    }

    /** Fills the box from the spec and selects as the class comment says. */
    void update(final DataTableSpec spec, final String selected, final boolean useRowId)
        throws NotConfigurableException {
        m_spec = spec;
        m_combo.removeAllItems();
        if (m_noneOption) {
            m_none = marker(spec, NONE_LABEL);
            m_combo.addItem(m_none);
        }
        if (m_rowIdOption) {
            m_rowId = marker(spec, ROWID_LABEL);
            m_combo.addItem(m_rowId);
        }
        if (spec != null) {
            DataColumnSpec match = null;
            for (DataColumnSpec c : spec) {
                if (m_filter.includeColumn(c)) {
                    m_combo.addItem(c);
                    if (c.getName().equals(selected)) {
                        match = c;
                    }
                }
            }
            if (match != null) {
                m_combo.setSelectedItem(match);
            } else if (m_noneOption && !useRowId) {
                m_combo.setSelectedItem(m_none);
            } else if (m_rowIdOption && useRowId) {
                m_combo.setSelectedItem(m_rowId);
            } else if (m_combo.getItemCount() > 0) {
                m_combo.setSelectedIndex(m_combo.getItemCount() - 1);
            }
        }
        if (m_combo.getItemCount() == 0 && m_required) {
            throw new NotConfigurableException(m_filter.allFilteredMsg());
        }
    }

    private static DataColumnSpec marker(final DataTableSpec spec, final String label) {
        return new DataColumnSpecCreator(DataTableSpec.getUniqueColumnName(spec, label),
            DataType.getMissingCell().getType()).createSpec();
    }

    /** @return the selected column, null for none, the row ID or nothing */
    DataColumnSpec selectedSpec() {
        Object s = m_combo.getSelectedItem();
        if (s == null || (m_noneOption && s.equals(m_none)) || (m_rowIdOption && s.equals(m_rowId))) {
            return null;
        }
        return (DataColumnSpec)s;
    }

    /** @return the selected column's name, null for none, the row ID or nothing */
    String selectedColumn() {
        DataColumnSpec s = selectedSpec();
        return s == null ? null : s.getName();
    }

    boolean rowIdSelected() {
        return m_rowIdOption && m_rowId != null && m_rowId.equals(m_combo.getSelectedItem());
    }

    /** Selects a column of the last spec by name; null selects "&lt;none&gt;" when offered, else nothing. */
    void setSelectedColumn(final String name) {
        if (m_noneOption && m_none != null && name == null) {
            m_combo.setSelectedItem(m_none);
        } else if (m_spec != null) {
            m_combo.setSelectedItem(m_spec.getColumnSpec(name));
        }
    }

    void setRowIdSelected() {
        if (m_rowIdOption && m_rowId != null) {
            m_combo.setSelectedItem(m_rowId);
        }
    }

    /** A new filter, applied to the last spec (keeping the selected column if still offered). */
    void setColumnFilter(final ColumnFilter filter) throws NotConfigurableException {
        if (filter == null) {
            throw new IllegalArgumentException("filter must not be null");
        }
        m_filter = filter;
        update(m_spec, selectedColumn(), false);
    }
}
