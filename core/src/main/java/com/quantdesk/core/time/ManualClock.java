package com.quantdesk.core.time;

import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;

/**
 * A clock that moves only when told to: the replay clock of backtests and the fake clock of tests.
 * Time never goes backwards.
 */
public final class ManualClock implements InstantSource {

    private Instant now;

    /** A clock showing {@code start}. */
    public ManualClock(Instant start) {
        this.now = Objects.requireNonNull(start, "start");
    }

    @Override
    public Instant instant() {
        return now;
    }

    /**
     * Moves the clock to {@code time}.
     *
     * @throws IllegalArgumentException if {@code time} is before the current time
     */
    public void set(Instant time) {
        if (time.isBefore(now)) {
            throw new IllegalArgumentException("clock cannot go back from " + now + " to " + time);
        }
        now = time;
    }

    /** Moves the clock forward by {@code duration}. */
    public void advance(java.time.Duration duration) {
        set(now.plus(duration));
    }
}
