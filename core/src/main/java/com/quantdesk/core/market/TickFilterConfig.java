package com.quantdesk.core.market;

/**
 * Settings of {@link TickFilter}'s spike test.
 *
 * <p>A tick is a spike when {@code |ln(price / last accepted price)| > spikeMultiple ×
 * max(σ, minVolatility)}, where σ is the standard deviation of the symbol's last {@code window}
 * accepted log returns. Until {@code warmUp} returns have been seen every (otherwise valid) tick
 * passes. A real jump in level is confirmed by {@code confirmTicks} consecutive spikes that agree
 * with each other; the last of them is accepted and becomes the new reference.
 *
 * @param window        returns in the rolling volatility estimate (at least 2)
 * @param warmUp        returns needed before spikes are judged (2 to {@code window})
 * @param spikeMultiple how many σ a move may be before it is a spike (positive)
 * @param minVolatility floor of σ as a log return (positive), so a flat series does not reject
 *                      the first move of a tick
 * @param confirmTicks  consecutive agreeing spikes that confirm a new level (at least 2)
 */
public record TickFilterConfig(int window, int warmUp, double spikeMultiple, double minVolatility, int confirmTicks) {

    /** Validates the settings. */
    public TickFilterConfig {
        if (window < 2) {
            throw new IllegalArgumentException("window must be at least 2, was " + window);
        }
        if (warmUp < 2 || warmUp > window) {
            throw new IllegalArgumentException("warmUp must be 2 to window (" + window + "), was " + warmUp);
        }
        if (!(spikeMultiple > 0) || !Double.isFinite(spikeMultiple)) {
            throw new IllegalArgumentException("spikeMultiple must be positive, was " + spikeMultiple);
        }
        if (!(minVolatility > 0) || !Double.isFinite(minVolatility)) {
            throw new IllegalArgumentException("minVolatility must be positive, was " + minVolatility);
        }
        if (confirmTicks < 2) {
            throw new IllegalArgumentException("confirmTicks must be at least 2, was " + confirmTicks);
        }
    }

    /**
     * σ over 50 returns, judged after 20, spikes beyond 8σ with σ at least 5 basis points (so moves
     * up to 0.4% always pass), a new level confirmed by 3 agreeing ticks.
     */
    public static TickFilterConfig defaults() {
        return new TickFilterConfig(50, 20, 8.0, 0.0005, 3);
    }
}
