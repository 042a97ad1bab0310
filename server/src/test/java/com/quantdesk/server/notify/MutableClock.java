package com.quantdesk.server.notify;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicReference;

/** A clock the test moves by hand. */
final class MutableClock implements InstantSource {

    private final AtomicReference<Instant> now;

    MutableClock(Instant start) {
        now = new AtomicReference<>(start);
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    void advance(Duration by) {
        now.updateAndGet(t -> t.plus(by));
    }
}
