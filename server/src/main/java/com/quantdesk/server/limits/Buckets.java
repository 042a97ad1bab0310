package com.quantdesk.server.limits;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;

/** How a {@link Limit} becomes a Bucket4j bucket, and a bucket's answer a {@link Decision}. */
final class Buckets {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private Buckets() {
    }

    /**
     * Full at first, and refilled all at once each period: a fixed window per key. A greedy refill
     * would hand back a token every period/capacity, which reads as "100 per minute" only on average.
     */
    static Bandwidth bandwidth(Limit limit) {
        return Bandwidth.builder()
                .capacity(limit.capacity())
                .refillIntervally(limit.capacity(), limit.period())
                .build();
    }

    static BucketConfiguration configuration(Limit limit) {
        return BucketConfiguration.builder().addLimit(bandwidth(limit)).build();
    }

    static Decision decision(Limit limit, ConsumptionProbe probe) {
        long remaining = Math.max(0, probe.getRemainingTokens());
        long reset = ceilSeconds(probe.getNanosToWaitForReset());
        if (probe.isConsumed()) {
            return new Decision(true, limit.capacity(), remaining, reset, 0);
        }
        long retryAfter = Math.max(1, ceilSeconds(probe.getNanosToWaitForRefill()));
        return new Decision(false, limit.capacity(), remaining, reset, retryAfter);
    }

    static Decision decision(Limit limit, EstimationProbe probe) {
        long remaining = Math.max(0, Math.min(limit.capacity(), probe.getRemainingTokens()));
        if (probe.canBeConsumed()) {
            return new Decision(true, limit.capacity(), remaining, 0, 0);
        }
        long retryAfter = Math.max(1, ceilSeconds(probe.getNanosToWaitForRefill()));
        return new Decision(false, limit.capacity(), remaining, retryAfter, retryAfter);
    }

    private static long ceilSeconds(long nanos) {
        return nanos <= 0 ? 0 : (nanos - 1) / NANOS_PER_SECOND + 1;
    }
}
