package org.gtlens.model;

import java.util.Locale;

/** How attention logits were scaled when the model was trained; both exist among trained former models. */
public enum Scaling {
    /** q·k / sqrt(k/heads), former since May 2024 (the contract's default). */
    HEAD,
    /** q and k each divided by k^(1/4), so q·k / sqrt(k), former before. */
    FULL;

    /** The metadata spelling: {@code head} or {@code full}. */
    public String contractName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the metadata value, or returns null when it is neither spelling. */
    public static Scaling fromContractName(String value) {
        for (Scaling s : values()) {
            if (s.contractName().equals(value)) {
                return s;
            }
        }
        return null;
    }
}
