package org.gtlens.causal;

import org.gtlens.Keyed;

/** What replaces an ablated head's output {@code z}. */
public enum AblationMethod implements Keyed {
    /** Zeros: the head contributes nothing. */
    ZERO("zero"),
    /**
     * The head's mean output at each position over the input's sequences: the head contributes what it does on
     * average, so only what is specific to the sequence is removed. Needs at least two sequences.
     */
    MEAN("mean");

    private final String key;

    AblationMethod(String key) {
        this.key = key;
    }

    @Override
    public String key() {
        return key;
    }
}
