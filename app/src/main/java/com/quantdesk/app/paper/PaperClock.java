package com.quantdesk.app.paper;

import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Paper-trading time: starts at an anchor instant and runs {@code speed} times as fast as the
 * machine's monotonic clock. At speed 1 with the wall clock's current time as the anchor it is the
 * wall clock; a faster clock replays a trading day in minutes. Monotonic, thread-safe.
 */
public final class PaperClock implements InstantSource {

    private final Instant anchor;
    private final double speed;
    private final LongSupplier nanoTime;
    private final long startNanos;

    /**
     * A clock starting at {@code anchor} now.
     *
     * @param speed    paper seconds per real second (at least 1)
     * @param nanoTime a monotonic nanosecond counter ({@code System::nanoTime})
     */
    public PaperClock(Instant anchor, double speed, LongSupplier nanoTime) {
        this.anchor = Objects.requireNonNull(anchor, "anchor");
        if (!(speed >= 1) || !Double.isFinite(speed)) {
            throw new IllegalArgumentException("speed must be a number of at least 1, was " + speed);
        }
        this.speed = speed;
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        this.startNanos = nanoTime.getAsLong();
    }

    @Override
    public Instant instant() {
        long elapsed = nanoTime.getAsLong() - startNanos;
        return anchor.plusNanos(speed == 1 ? elapsed : (long) (elapsed * speed));
    }

    /** Paper seconds per real second. */
    public double speed() {
        return speed;
    }

    /** Real nanoseconds that {@code paperNanos} of paper time take. */
    public long realNanos(long paperNanos) {
        return Math.max(1, (long) (paperNanos / speed));
    }
}
