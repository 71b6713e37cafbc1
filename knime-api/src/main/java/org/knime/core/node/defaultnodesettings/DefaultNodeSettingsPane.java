package org.knime.core.node.defaultnodesettings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.swing.BorderFactory;
import javax.swing.BoxLayout;
import javax.swing.JPanel;

import org.knime.core.data.DataTableSpec;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

/**
 * Stand-in for KNIME's {@code DefaultNodeSettingsPane} (compile/test only, never shipped): a dialog made of
 * {@link DialogComponent}s stacked in tabs ("Options" by default) and optional titled groups. Loading and saving
 * go through all components in the order they were added, then the {@code ...Additional...} hooks.
 */
public class DefaultNodeSettingsPane extends NodeDialogPane {

    private final List<DialogComponent> m_components = new ArrayList<>();

    private final Map<String, JPanel> m_tabPanels = new LinkedHashMap<>();

    private String m_defaultTab = "Options";

    private JPanel m_currentTab;

    private JPanel m_currentGroup;

    private JPanel m_currentRow;

    private boolean m_horizontal;

    /** Creates the dialog with an empty "Options" tab. */
    public DefaultNodeSettingsPane() {
        createNewTab(m_defaultTab);
    }

    private static JPanel verticalPanel() {
        JPanel p = new JPanel();
        p.setLayout(new BoxLayout(p, BoxLayout.Y_AXIS));
        return p;
    }

    /** @param tabTitle the new title of the default tab */
    public void setDefaultTabTitle(final String tabTitle) {
        JPanel p = m_tabPanels.remove(m_defaultTab);
        renameTab(m_defaultTab, tabTitle);
        if (p != null) {
            m_tabPanels.put(tabTitle, p);
        }
        m_defaultTab = tabTitle;
    }

    /**
     * @param tabTitle the title of a new tab, which becomes the current one
     * @param index its position
     */
    public void createNewTabAt(final String tabTitle, final int index) {
        JPanel p = verticalPanel();
        addTabAt(index, tabTitle, p);
        m_tabPanels.put(tabTitle, p);
        selectTab(tabTitle);
    }

    /** @param tabTitle the title of a new tab (appended), which becomes the current one */
    public void createNewTab(final String tabTitle) {
        createNewTabAt(tabTitle, getTabTitles().size());
    }

    /** @param tabTitle the tab new components go to */
    public void selectTab(final String tabTitle) {
        JPanel p = m_tabPanels.get(tabTitle);
        if (p == null) {
            throw new IllegalArgumentException("No tab \"" + tabTitle + "\"");
        }
        m_currentTab = p;
        m_currentGroup = null;
        m_currentRow = null;
    }

    /** @param title the title of a bordered group new components go to (closes the current group) */
    public void createNewGroup(final String title) {
        closeCurrentGroup();
        JPanel g = verticalPanel();
        g.setBorder(BorderFactory.createTitledBorder(title));
        m_currentTab.add(g);
        m_currentGroup = g;
    }

    /** Ends the current group. */
    public void closeCurrentGroup() {
        m_currentGroup = null;
        m_currentRow = null;
    }

    /** @param diaC a component, placed in the current group or tab */
    public void addDialogComponent(final DialogComponent diaC) {
        m_components.add(diaC);
        JPanel target = m_currentGroup != null ? m_currentGroup : m_currentTab;
        if (m_horizontal) {
            if (m_currentRow == null) {
                m_currentRow = new JPanel();
                m_currentRow.setLayout(new BoxLayout(m_currentRow, BoxLayout.X_AXIS));
                target.add(m_currentRow);
            }
            m_currentRow.add(diaC.getComponentPanel());
        } else {
            target.add(diaC.getComponentPanel());
        }
    }

    /** @param horizontal whether following components are placed side by side */
    public void setHorizontalPlacement(final boolean horizontal) {
        m_horizontal = horizontal;
        m_currentRow = null;
    }

    @Override
    public final void loadSettingsFrom(final NodeSettingsRO settings, final PortObjectSpec[] specs)
        throws NotConfigurableException {
        for (DialogComponent c : m_components) {
            c.loadSettingsFrom(settings, specs);
        }
        loadAdditionalSettingsFrom(settings, specs);
    }

    @Override
    public final void saveSettingsTo(final NodeSettingsWO settings) throws InvalidSettingsException {
        for (DialogComponent c : m_components) {
            c.saveSettingsTo(settings);
        }
        saveAdditionalSettingsTo(settings);
    }

    /**
     * Loads settings not handled by components; by default calls the table-spec variant when all specs are
     * table specs (or null).
     *
     * @param settings the node's settings
     * @param specs the input specs
     * @throws NotConfigurableException if the dialog cannot be opened
     */
    public void loadAdditionalSettingsFrom(final NodeSettingsRO settings, final PortObjectSpec[] specs)
        throws NotConfigurableException {
        DataTableSpec[] t = new DataTableSpec[specs.length];
        for (int i = 0; i < specs.length; i++) {
            if (specs[i] != null && !(specs[i] instanceof DataTableSpec)) {
                return;
            }
            t[i] = (DataTableSpec)specs[i];
        }
        loadAdditionalSettingsFrom(settings, t);
    }

    /**
     * @param settings the node's settings
     * @param specs the input table specs
     * @throws NotConfigurableException if the dialog cannot be opened
     */
    public void loadAdditionalSettingsFrom(final NodeSettingsRO settings, final DataTableSpec[] specs)
        throws NotConfigurableException {
        // hook
    }

    /**
     * @param settings where to save settings not handled by components
     * @throws InvalidSettingsException if the input is invalid
     */
    public void saveAdditionalSettingsTo(final NodeSettingsWO settings) throws InvalidSettingsException {
        // hook
    }

    List<DialogComponent> components() {
        return m_components;
    }

}
