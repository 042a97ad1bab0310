package com.quantdesk.sim.feed;

import com.quantdesk.core.market.MarketHours;
import java.time.Duration;
import java.util.Objects;

/**
 * When a {@link FailoverFeed} switches.
 *
 * @param staleAfter   silence of the primary, in market hours, that makes it stale (positive)
 * @param recoverAfter how long a stale primary must tick again before it is used again (not negative)
 * @param hours        when the market is open; silence outside it is not staleness
 */
public record FailoverConfig(Duration staleAfter, Duration recoverAfter, MarketHours hours) {

    /** Validates the settings. */
    public FailoverConfig {
        Objects.requireNonNull(staleAfter, "staleAfter");
        Objects.requireNonNull(recoverAfter, "recoverAfter");
        Objects.requireNonNull(hours, "hours");
        if (staleAfter.isNegative() || staleAfter.isZero()) {
            throw new IllegalArgumentException("staleAfter must be positive, was " + staleAfter);
        }
        if (recoverAfter.isNegative()) {
            throw new IllegalArgumentException("recoverAfter must not be negative, was " + recoverAfter);
        }
    }

    /** Stale after 10 s of silence, back to the primary after it has ticked for 30 s. */
    public static FailoverConfig defaults(MarketHours hours) {
        return new FailoverConfig(Duration.ofSeconds(10), Duration.ofSeconds(30), hours);
    }
}
