package org.gtlens.causal;

import org.gtlens.Keyed;

/** The measures of how a changed run's prediction differs from the plain run's (contract: head ablation). */
public enum EffectMetric implements Keyed {
    /** Mean over positions of the plain run's log-probability of the true next token minus the changed run's. */
    LOSS_INCREASE("loss_increase"),
    /** The changed run's log-probability of the plain prediction after the last position minus the plain run's. */
    LOGPROB_CHANGE("logprob_change"),
    /** KL divergence from the changed to the plain prediction after the last position. */
    KL("kl");

    private final String key;

    EffectMetric(String key) {
        this.key = key;
    }

    @Override
    public String key() {
        return key;
    }
}
