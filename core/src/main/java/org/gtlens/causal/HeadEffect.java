package org.gtlens.causal;

/**
 * How much ablating one head changed the model's prediction on one sequence: the metrics of the contract's head
 * ablation, in nats.
 *
 * @param sequence      the sequence's index in the input
 * @param block         the ablated head's block
 * @param head          the ablated head
 * @param lossIncrease  mean increase of the next-token loss over the sequence's positions; null for one token
 * @param logprobChange change of the log-probability of the plain run's prediction after the last position
 * @param kl            KL divergence from the ablated to the plain prediction after the last position
 */
public record HeadEffect(int sequence, int block, int head, Double lossIncrease, double logprobChange, double kl) {

    /** The value of a metric. */
    public Double value(EffectMetric metric) {
        return switch (metric) {
            case LOSS_INCREASE -> lossIncrease;
            case LOGPROB_CHANGE -> logprobChange;
            case KL -> kl;
        };
    }
}
