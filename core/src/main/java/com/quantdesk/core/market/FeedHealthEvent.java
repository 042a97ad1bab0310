package com.quantdesk.core.market;

import java.time.Instant;
import java.util.Objects;

/**
 * What {@link StaleFeedDetector} reports about one watched feed or symbol.
 *
 * @param <K> what is watched: a feed name, a {@code Symbol}, …
 */
public sealed interface FeedHealthEvent<K> {

    /** The feed or symbol watched. */
    K key();

    /**
     * No tick arrived for the staleness threshold while the market was open. Reported once per
     * stale episode.
     *
     * @param key        feed or symbol
     * @param lastSeen   time of its last tick, or when watching began if it never ticked
     * @param detectedAt engine-clock time the silence was noticed
     */
    record WentStale<K>(K key, Instant lastSeen, Instant detectedAt) implements FeedHealthEvent<K> {

        /** Validates the fields. */
        public WentStale {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(lastSeen, "lastSeen");
            Objects.requireNonNull(detectedAt, "detectedAt");
        }
    }

    /**
     * A fresh tick arrived after a stale episode.
     *
     * @param key         feed or symbol
     * @param silentSince time of the last tick before the episode (as in {@link WentStale#lastSeen()})
     * @param tickTime    time of the tick that ended it
     * @param recoveredAt engine-clock time the tick was seen
     */
    record Recovered<K>(K key, Instant silentSince, Instant tickTime, Instant recoveredAt)
            implements FeedHealthEvent<K> {

        /** Validates the fields. */
        public Recovered {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(silentSince, "silentSince");
            Objects.requireNonNull(tickTime, "tickTime");
            Objects.requireNonNull(recoveredAt, "recoveredAt");
        }
    }
}
