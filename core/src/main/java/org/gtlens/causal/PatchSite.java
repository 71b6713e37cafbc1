package org.gtlens.causal;

import org.gtlens.Keyed;

/** Where activation patching puts back the clean run's activation. */
public enum PatchSite implements Keyed {
    /** The residual stream entering a block at one position. */
    RESID("resid"),
    /** One head's output z at every position. */
    HEAD("head");

    private final String key;

    PatchSite(String key) {
        this.key = key;
    }

    @Override
    public String key() {
        return key;
    }
}
