package org.knime.core.node;

import java.awt.BorderLayout;
import java.awt.Component;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTabbedPane;

import org.knime.core.data.DataTableSpec;
import org.knime.core.node.port.PortObjectSpec;

/**
 * Stand-in for KNIME's {@code NodeDialogPane} (compile/test only, never shipped): a Swing dialog made of tabs.
 * Nothing is shown (tests run headless); the test harness calls {@code loadSettingsFrom} and
 * {@link #finishEditingAndSaveSettingsTo(NodeSettingsWO)} like KNIME does when the dialog opens and on OK/Apply, on
 * the event dispatch thread.
 * Subclasses override one of the two {@code loadSettingsFrom} methods and {@link #saveSettingsTo(NodeSettingsWO)}.
 */
public abstract class NodeDialogPane {

    private final JPanel m_panel = new JPanel(new BorderLayout());

    private final JTabbedPane m_tabs = new JTabbedPane();

    private final Map<String, Component> m_tabComponents = new LinkedHashMap<>();

    /** Creates an empty dialog. */
    protected NodeDialogPane() {
        m_panel.add(m_tabs, BorderLayout.CENTER);
    }

    /** @return a logger for this dialog's class */
    protected final NodeLogger getLogger() {
        return NodeLogger.getLogger(getClass());
    }

    /** @return the panel holding the tabs */
    public final JPanel getPanel() {
        return m_panel;
    }

    /** @return false (the stand-in has no write-protected workflows) */
    public final boolean isWriteProtected() {
        return false;
    }

    /**
     * Loads settings when the dialog opens; by default casts the specs to table specs (a NotConfigurableException for
     * another spec, as in KNIME) and calls {@link #loadSettingsFrom(NodeSettingsRO, DataTableSpec[])}.
     *
     * @param settings the node's settings
     * @param specs the input specs (null for unknown)
     * @throws NotConfigurableException if the dialog cannot be opened
     */
    protected void loadSettingsFrom(final NodeSettingsRO settings, final PortObjectSpec[] specs)
        throws NotConfigurableException {
        DataTableSpec[] t = new DataTableSpec[specs.length];
        for (int i = 0; i < specs.length; i++) {
            if (specs[i] != null && !(specs[i] instanceof DataTableSpec)) {
                throw new NotConfigurableException("Input Port " + i + " does not hold data table specs. Likely "
                    + "reason: wrong version of loadSettingsFrom() overwritten!");
            }
            t[i] = (DataTableSpec)specs[i];
        }
        loadSettingsFrom(settings, t);
    }

    /**
     * @param settings the node's settings
     * @param specs the input table specs
     * @throws NotConfigurableException if the dialog cannot be opened
     */
    protected void loadSettingsFrom(final NodeSettingsRO settings, final DataTableSpec[] specs)
        throws NotConfigurableException {
        throw new NotConfigurableException("NodeDialogPane.loadSettingsFrom() implementation missing!");
    }

    /** Called when the dialog is canceled; does nothing by default. */
    public void onCancel() {
        // hook
    }

    /** Calls {@link #onCancel()}. */
    public final void callOnCancel() {
        onCancel();
    }

    /** Calls {@link #onClose()}. */
    public final void callOnClose() {
        onClose();
    }

    /** Called when the dialog closes; does nothing by default. */
    public void onClose() {
        // hook
    }

    /** Called after the settings were loaded and before the dialog shows; does nothing by default. */
    public void onOpen() {
        // hook
    }

    protected abstract void saveSettingsTo(NodeSettingsWO settings) throws InvalidSettingsException;

    /**
     * @param settings where to save (on OK/Apply)
     * @throws InvalidSettingsException if the user's input is invalid
     */
    public final void finishEditingAndSaveSettingsTo(final NodeSettingsWO settings)
        throws InvalidSettingsException {
        saveSettingsTo(settings);
    }

    /**
     * @param title the tab title
     * @param comp its content (wrapped in a scroll pane)
     */
    protected final void addTab(final String title, final Component comp) {
        addTab(title, comp, true);
    }

    /**
     * @param title the tab title
     * @param comp its content
     * @param wrapInScrollPane whether to wrap it in a scroll pane
     */
    protected final void addTab(final String title, final Component comp, final boolean wrapInScrollPane) {
        addTabAt(m_tabs.getTabCount(), title, comp, wrapInScrollPane);
    }

    /**
     * @param index where to insert the tab
     * @param title the tab title
     * @param comp its content (wrapped in a scroll pane)
     * @return the index of the tab
     */
    protected final int addTabAt(final int index, final String title, final Component comp) {
        return addTabAt(index, title, comp, true);
    }

    /**
     * @param index where to insert the tab
     * @param title the tab title, unique
     * @param comp its content
     * @param wrapInScrollPane whether to wrap it in a scroll pane
     * @return the index of the tab
     */
    protected final int addTabAt(final int index, final String title, final Component comp,
        final boolean wrapInScrollPane) {
        if (title == null || comp == null) {
            throw new NullPointerException("Title and component must not be null");
        }
        if (m_tabComponents.containsKey(title)) {
            throw new IllegalArgumentException("A tab named \"" + title + "\" exists already");
        }
        int i = Math.max(0, Math.min(index, m_tabs.getTabCount()));
        m_tabs.insertTab(title, null, wrapInScrollPane ? new JScrollPane(comp) : comp, null, i);
        m_tabComponents.put(title, comp);
        return i;
    }

    /**
     * @param oldName a tab title
     * @param newName its new title
     */
    protected final void renameTab(final String oldName, final String newName) {
        int i = getTabIndex(oldName);
        if (i >= 0) {
            m_tabs.setTitleAt(i, newName);
            Map<String, Component> copy = new LinkedHashMap<>();
            m_tabComponents.forEach((k, v) -> copy.put(k.equals(oldName) ? newName : k, v));
            m_tabComponents.clear();
            m_tabComponents.putAll(copy);
        }
    }

    /**
     * @param toolTipText a tooltip
     * @param tabTitle the tab
     */
    protected void setToolTip(final String toolTipText, final String tabTitle) {
        int i = getTabIndex(tabTitle);
        if (i >= 0) {
            m_tabs.setToolTipTextAt(i, toolTipText);
        }
    }

    /**
     * @param enabled whether the tab can be selected
     * @param tabTitle the tab
     */
    protected final void setEnabled(final boolean enabled, final String tabTitle) {
        int i = getTabIndex(tabTitle);
        if (i >= 0) {
            m_tabs.setEnabledAt(i, enabled);
        }
    }

    /**
     * @param tabTitle the tab
     * @return whether it exists and was selected
     */
    protected final boolean setSelected(final String tabTitle) {
        int i = getTabIndex(tabTitle);
        if (i < 0) {
            return false;
        }
        m_tabs.setSelectedIndex(i);
        return true;
    }

    /**
     * @param title a tab title
     * @return the component added for it, or null
     */
    protected final Component getTab(final String title) {
        return m_tabComponents.get(title);
    }

    /** @param name the title of the tab to remove */
    protected final void removeTab(final String name) {
        int i = getTabIndex(name);
        if (i >= 0) {
            m_tabs.removeTabAt(i);
            m_tabComponents.remove(name);
        }
    }

    /**
     * @param title a tab title
     * @return its index or -1
     */
    protected final int getTabIndex(final String title) {
        return m_tabs.indexOfTab(title);
    }

    /** @return the tab titles in order */
    protected final List<String> getTabTitles() {
        List<String> titles = new ArrayList<>();
        for (int i = 0; i < m_tabs.getTabCount(); i++) {
            titles.add(m_tabs.getTitleAt(i));
        }
        return titles;
    }

    /** @return true */
    public boolean closeOnESC() {
        return true;
    }
}
