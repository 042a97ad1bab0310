package com.quantdesk.server.limits;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Rate limits kept in this process: right for a single server node. Buckets are Bucket4j's
 * lock-free local buckets, held in a table of at most {@value #DEFAULT_MAX_BUCKETS} (or the given
 * cap) that forgets buckets once they are idle for longer than their period.
 */
public final class LocalRateLimiter implements RateLimiter {

    /** The most buckets held unless told otherwise. */
    public static final int DEFAULT_MAX_BUCKETS = 100_000;

    private final LocalBuckets buckets;

    /** Timed by {@link System#nanoTime()}, with the default cap. */
    public LocalRateLimiter() {
        this(System::nanoTime);
    }

    /** Timed by {@code nanoTime} (a fake clock in tests), with the default cap. */
    public LocalRateLimiter(LongSupplier nanoTime) {
        this(nanoTime, DEFAULT_MAX_BUCKETS);
    }

    /**
     * Timed by {@code nanoTime}, holding at most {@code maxBuckets} buckets.
     *
     * @param nanoTime   a monotonic time in nanoseconds
     * @param maxBuckets the most buckets held at once, at least 1
     */
    public LocalRateLimiter(LongSupplier nanoTime, int maxBuckets) {
        Objects.requireNonNull(nanoTime, "nanoTime");
        TimeMeter meter = new MonotonicMeter(nanoTime);
        this.buckets = new LocalBuckets(
                limit -> Bucket.builder().addLimit(Buckets.bandwidth(limit)).withCustomTimePrecision(meter).build(),
                nanoTime, maxBuckets);
    }

    @Override
    public Decision tryAcquire(String key, Limit limit) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(limit, "limit");
        return Buckets.decision(limit, buckets.bucket(key, limit).tryConsumeAndReturnRemaining(1));
    }

    @Override
    public Decision peek(String key, Limit limit) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(limit, "limit");
        return Buckets.decision(limit, buckets.bucket(key, limit).estimateAbilityToConsume(1));
    }

    /** Always: nothing outside this process is asked. */
    @Override
    public boolean healthy() {
        return true;
    }

    /** How many buckets are held now. */
    int bucketCount() {
        return buckets.size();
    }

    private record MonotonicMeter(LongSupplier nanoTime) implements TimeMeter {

        @Override
        public long currentTimeNanos() {
            return nanoTime.getAsLong();
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    }
}
