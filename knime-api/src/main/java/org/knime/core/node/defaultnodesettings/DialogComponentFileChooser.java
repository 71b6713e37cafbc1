package org.knime.core.node.defaultnodesettings;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JFileChooser;
import javax.swing.JTextField;
import javax.swing.event.ChangeEvent;
import javax.swing.event.ChangeListener;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

/**
 * Stand-in for KNIME's (legacy) {@code DialogComponentFileChooser} (compile/test only, never shipped): a text field
 * for a path or URL plus a "Browse..." button (the file chooser is only created when the button is pressed, so
 * the component can be built headless). An empty path is rejected on save.
 */
public class DialogComponentFileChooser extends DialogComponent {

    private final JTextField m_field = new JTextField(30);

    private final JButton m_browse = new JButton("Browse...");

    private final int m_dialogType;

    private final boolean m_directoryOnly;

    private final String[] m_extensions;

    private final List<ChangeListener> m_listeners = new CopyOnWriteArrayList<>();

    private boolean m_updating;

    private boolean m_allowRemoteURLs;

    private boolean m_allowSystemProperties;

    private String m_forcedExtension;

    /**
     * @param stringModel the model
     * @param historyID ID of the path history (not used by the stand-in)
     * @param validExtensions file extensions offered in the chooser
     */
    public DialogComponentFileChooser(final SettingsModelString stringModel, final String historyID,
        final String... validExtensions) {
        this(stringModel, historyID, JFileChooser.OPEN_DIALOG, false, validExtensions);
    }

    /**
     * @param stringModel the model
     * @param historyID ID of the path history
     * @param dialogType {@link JFileChooser#OPEN_DIALOG} or {@link JFileChooser#SAVE_DIALOG}
     * @param directoryOnly whether directories are chosen
     */
    public DialogComponentFileChooser(final SettingsModelString stringModel, final String historyID,
        final int dialogType, final boolean directoryOnly) {
        this(stringModel, historyID, dialogType, directoryOnly, new String[0]);
    }

    /**
     * @param stringModel the model
     * @param historyID ID of the path history
     * @param dialogType {@link JFileChooser#OPEN_DIALOG} or {@link JFileChooser#SAVE_DIALOG}
     * @param validExtensions file extensions offered in the chooser
     */
    public DialogComponentFileChooser(final SettingsModelString stringModel, final String historyID,
        final int dialogType, final String... validExtensions) {
        this(stringModel, historyID, dialogType, false, validExtensions);
    }

    /**
     * @param stringModel the model
     * @param historyID ID of the path history
     * @param dialogType {@link JFileChooser#OPEN_DIALOG} or {@link JFileChooser#SAVE_DIALOG}
     * @param directoryOnly whether directories are chosen
     * @param validExtensions file extensions offered in the chooser
     */
    public DialogComponentFileChooser(final SettingsModelString stringModel, final String historyID,
        final int dialogType, final boolean directoryOnly, final String... validExtensions) {
        super(stringModel);
        m_dialogType = dialogType;
        m_directoryOnly = directoryOnly;
        m_extensions = validExtensions == null ? new String[0] : validExtensions.clone();
        getComponentPanel().add(m_field);
        getComponentPanel().add(m_browse);
        m_browse.addActionListener(e -> browse());
        m_field.getDocument().addDocumentListener(new DocumentListener() {
            @Override
            public void insertUpdate(final DocumentEvent e) {
                commit();
            }

            @Override
            public void removeUpdate(final DocumentEvent e) {
                commit();
            }

            @Override
            public void changedUpdate(final DocumentEvent e) {
                commit();
            }
        });
        getModel().prependChangeListener(e -> updateComponent());
        updateComponent();
    }

    private void browse() {
        JFileChooser chooser = new JFileChooser(m_field.getText());
        chooser.setDialogType(m_dialogType);
        chooser.setFileSelectionMode(m_directoryOnly ? JFileChooser.DIRECTORIES_ONLY : JFileChooser.FILES_ONLY);
        if (m_extensions.length > 0) {
            chooser.setFileFilter(new javax.swing.filechooser.FileNameExtensionFilter(String.join(", ", m_extensions),
                java.util.Arrays.stream(m_extensions).map(x -> x.replaceFirst("^\\.", "").split("\\|")[0])
                    .toArray(String[]::new)));
        }
        if (chooser.showDialog(getComponentPanel(), null) == JFileChooser.APPROVE_OPTION) {
            String path = chooser.getSelectedFile().getAbsolutePath();
            if (m_forcedExtension != null && !path.endsWith(m_forcedExtension)) {
                path += m_forcedExtension;
            }
            m_field.setText(path);
        }
    }

    private void commit() {
        if (!m_updating) {
            ((SettingsModelString)getModel()).setStringValue(m_field.getText().trim());
            ChangeEvent e = new ChangeEvent(this);
            for (ChangeListener l : m_listeners) {
                l.stateChanged(e);
            }
        }
    }

    @Override
    protected void updateComponent() {
        m_updating = true;
        try {
            String v = ((SettingsModelString)getModel()).getStringValue();
            if (!m_field.getText().equals(v == null ? "" : v)) {
                m_field.setText(v == null ? "" : v);
            }
            setEnabledComponents(getModel().isEnabled());
        } finally {
            m_updating = false;
        }
    }

    @Override
    protected void validateSettingsBeforeSave() throws InvalidSettingsException {
        commit();
        if (m_field.getText().trim().isEmpty()) {
            showError(m_field);
            throw new InvalidSettingsException("No location given: enter or browse for a location.");
        }
        clearError(m_field);
    }

    @Override
    protected void checkConfigurabilityBeforeLoad(final PortObjectSpec[] specs) throws NotConfigurableException {
        // works with any input
    }

    @Override
    protected void setEnabledComponents(final boolean enabled) {
        m_field.setEnabled(enabled);
        m_browse.setEnabled(enabled);
    }

    /** @param newTitle the title of the border around the component */
    public void setBorderTitle(final String newTitle) {
        getComponentPanel().setBorder(BorderFactory.createTitledBorder(newTitle));
    }

    @Override
    public void setToolTipText(final String text) {
        m_field.setToolTipText(text);
    }

    /** @param cl notified when the path changes */
    public void addChangeListener(final ChangeListener cl) {
        m_listeners.add(cl);
    }

    /** @param b whether remote URLs are allowed (kept; the stand-in does not check paths) */
    public void setAllowRemoteURLs(final boolean b) {
        m_allowRemoteURLs = b;
    }

    /** @param b whether ${system.property} substitution is allowed (kept; not applied by the stand-in) */
    public void setAllowSystemPropertySubstitution(final boolean b) {
        m_allowSystemProperties = b;
    }

    /** @param forcedExtension appended to chosen files in a save dialog */
    public void setDialogTypeSaveWithExtension(final String forcedExtension) {
        m_forcedExtension = forcedExtension;
    }

    boolean allowsRemoteURLs() {
        return m_allowRemoteURLs;
    }

    boolean allowsSystemProperties() {
        return m_allowSystemProperties;
    }
}
