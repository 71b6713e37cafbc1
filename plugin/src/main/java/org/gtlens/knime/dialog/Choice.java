package org.gtlens.knime.dialog;

import java.util.List;

/**
 * One option of a setting: the stable key stored in the settings and the label shown in the dialog (KNIME's
 * convention: persist keys, show labels only in dialogs), plus labels older versions stored, which still load.
 *
 * @param key the stored value
 * @param label what the dialog shows
 * @param legacy values earlier versions stored for this option
 */
public record Choice(String key, String label, List<String> legacy) {

    /**
     * @param key the stored value
     * @param label what the dialog shows
     * @param legacy values earlier versions stored for this option
     */
    public Choice(final String key, final String label, final String... legacy) {
        this(key, label, List.of(legacy));
    }

    /**
     * @param choices the options of a setting
     * @param stored a stored value (a key, or a value an earlier version stored)
     * @return the option it means, or null
     */
    public static Choice of(final List<Choice> choices, final String stored) {
        if (stored == null) {
            return null;
        }
        for (Choice c : choices) {
            if (c.key.equals(stored) || c.legacy.contains(stored)) {
                return c;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return label; // what a combo box shows
    }
}
