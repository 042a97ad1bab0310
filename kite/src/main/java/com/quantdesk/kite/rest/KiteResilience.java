package com.quantdesk.kite.rest;

import java.time.Duration;

/**
 * How the transport protects Kite and itself: read retries, circuit breakers, waiting for the
 * client-side rate limits, and the pause before an uncertain order is looked up.
 *
 * @param maxReadAttempts      attempts of a GET in all (1 = no retry)
 * @param baseBackoff          backoff before the first retry; doubles per retry, with jitter
 * @param maxBackoff           cap of one backoff
 * @param breakerFailures      consecutive failures that open an endpoint class's breaker
 * @param breakerCoolDown      how long an open breaker rejects calls before it lets one trial through
 * @param maxRateLimitWait     the longest a caller waits for a rate-limit permit; beyond it the call
 *                             fails at once with {@link KiteException.RateLimitExceededException}
 * @param orderLookupDelay     pause after an uncertain order call before it is looked up, so a request
 *                             still on its way reaches the OMS first
 */
public record KiteResilience(int maxReadAttempts, Duration baseBackoff, Duration maxBackoff,
                             int breakerFailures, Duration breakerCoolDown, Duration maxRateLimitWait,
                             Duration orderLookupDelay) {

    /**
     * Defaults: 3 read attempts, backoff 200 ms doubling to 2 s, breaker opens after 5 failures for
     * 30 s, rate-limit wait at most 2 s, uncertain orders looked up after 1 s.
     */
    public static final KiteResilience DEFAULTS = new KiteResilience(3, Duration.ofMillis(200), Duration.ofSeconds(2),
            5, Duration.ofSeconds(30), Duration.ofSeconds(2), Duration.ofSeconds(1));

    /** Validates the settings. */
    public KiteResilience {
        if (maxReadAttempts < 1 || breakerFailures < 1) {
            throw new IllegalArgumentException("attempts and breaker failures must be at least 1");
        }
        for (Duration d : new Duration[] {baseBackoff, maxBackoff, breakerCoolDown, maxRateLimitWait,
                orderLookupDelay}) {
            if (d == null || d.isNegative()) {
                throw new IllegalArgumentException("durations must be zero or positive, was " + d);
            }
        }
    }
}
