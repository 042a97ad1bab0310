package com.quantdesk.store.journal;

import java.time.Duration;
import java.util.Objects;

/**
 * How the journal writer batches and retries.
 *
 * @param maxBatch     most events committed in one transaction
 * @param minBackoff   first wait after a failed commit; doubles on each further failure
 * @param maxBackoff   longest wait between retries
 * @param closeTimeout how long {@code close()} waits for the backlog to become durable
 */
public record JournalOptions(int maxBatch, Duration minBackoff, Duration maxBackoff, Duration closeTimeout) {

    /** 512 events a batch, retries from 50 ms backing off to 5 s, 10 s to flush on close. */
    public static final JournalOptions DEFAULTS =
            new JournalOptions(512, Duration.ofMillis(50), Duration.ofSeconds(5), Duration.ofSeconds(10));

    /** Validates the options. */
    public JournalOptions {
        Objects.requireNonNull(minBackoff, "minBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(closeTimeout, "closeTimeout");
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be at least 1, was " + maxBatch);
        }
        if (minBackoff.isNegative() || minBackoff.isZero() || maxBackoff.compareTo(minBackoff) < 0) {
            throw new IllegalArgumentException("need 0 < minBackoff <= maxBackoff, was " + minBackoff + ", " + maxBackoff);
        }
        if (closeTimeout.isNegative()) {
            throw new IllegalArgumentException("closeTimeout must not be negative, was " + closeTimeout);
        }
    }

    /** A copy with another batch limit. */
    public JournalOptions withMaxBatch(int newMaxBatch) {
        return new JournalOptions(newMaxBatch, minBackoff, maxBackoff, closeTimeout);
    }

    /** A copy with other retry waits. */
    public JournalOptions withBackoff(Duration newMin, Duration newMax) {
        return new JournalOptions(maxBatch, newMin, newMax, closeTimeout);
    }

    /** A copy with another close timeout. */
    public JournalOptions withCloseTimeout(Duration newCloseTimeout) {
        return new JournalOptions(maxBatch, minBackoff, maxBackoff, newCloseTimeout);
    }
}
