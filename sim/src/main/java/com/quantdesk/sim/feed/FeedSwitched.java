package com.quantdesk.sim.feed;

import java.time.Instant;
import java.util.Objects;

/**
 * A {@link FailoverFeed} changed source.
 *
 * @param active  the source now in use
 * @param at      clock time of the switch
 * @param message what happened, for operators, e.g. {@code "primary stale since 2025-01-06
 *                10:00:00 IST, switched to secondary"}
 */
public record FeedSwitched(FeedRole active, Instant at, String message) {

    /** Validates the fields. */
    public FeedSwitched {
        Objects.requireNonNull(active, "active");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(message, "message");
    }
}
