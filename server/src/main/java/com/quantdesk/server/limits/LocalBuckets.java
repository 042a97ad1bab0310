package com.quantdesk.server.limits;

import io.github.bucket4j.Bucket;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * The local limiter's buckets, one per limit and key, held while they are in use and never more
 * than a fixed number.
 *
 * <p>A bucket idle for longer than its period is full again, so forgetting it loses nothing; such
 * buckets are swept out by the first call a minute or more after the last sweep. If more than the
 * cap are in use at once (many keys inside one period), the least recently used are forgotten too:
 * a forgotten bucket starts full, so that key briefly gets more than its limit, which is the price
 * of bounded memory.
 */
final class LocalBuckets {

    private static final long SWEEP_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);

    private record Id(String bucketName, String key) {
    }

    private static final class Held {
        final Bucket bucket;
        final long periodNanos;
        volatile long lastUsedNanos;

        Held(Bucket bucket, long periodNanos) {
            this.bucket = bucket;
            this.periodNanos = periodNanos;
        }
    }

    private record Use(Id id, Held held, long lastUsedNanos) {
    }

    private final ConcurrentHashMap<Id, Held> buckets = new ConcurrentHashMap<>();
    private final Function<Limit, Bucket> newBucket;
    private final LongSupplier nanoTime;
    private final int maxBuckets;
    private final int afterEviction;
    private final AtomicBoolean sweeping = new AtomicBoolean();
    private volatile long lastSweepNanos;

    LocalBuckets(Function<Limit, Bucket> newBucket, LongSupplier nanoTime, int maxBuckets) {
        if (maxBuckets < 1) {
            throw new IllegalArgumentException("maxBuckets must be at least 1, not " + maxBuckets);
        }
        this.newBucket = newBucket;
        this.nanoTime = nanoTime;
        this.maxBuckets = maxBuckets;
        // Evicting down to 90% of the cap makes a full sort of the table rare even at the cap.
        this.afterEviction = maxBuckets - maxBuckets / 10;
        this.lastSweepNanos = nanoTime.getAsLong();
    }

    /** The bucket of {@code key} under {@code limit}, made if there is none, marked as used now. */
    Bucket bucket(String key, Limit limit) {
        long now = nanoTime.getAsLong();
        // Marked inside compute, so a sweep (which decides inside compute too) never drops a bucket
        // between a caller finding it and using it.
        Held held = buckets.compute(new Id(limit.bucketName(), key), (id, old) -> {
            Held found = old != null ? old : new Held(newBucket.apply(limit), limit.period().toNanos());
            found.lastUsedNanos = now;
            return found;
        });
        if (buckets.size() > maxBuckets || now - lastSweepNanos >= SWEEP_EVERY_NANOS) {
            sweep(now);
        }
        return held.bucket;
    }

    int size() {
        return buckets.size();
    }

    private void sweep(long now) {
        if (!sweeping.compareAndSet(false, true)) {
            return; // another caller is sweeping
        }
        try {
            lastSweepNanos = now;
            for (Id id : buckets.keySet()) {
                buckets.computeIfPresent(id, (key, held) -> now - held.lastUsedNanos > held.periodNanos ? null : held);
            }
            if (buckets.size() > maxBuckets) {
                evictLeastRecentlyUsed();
            }
        } finally {
            sweeping.set(false);
        }
    }

    private void evictLeastRecentlyUsed() {
        // Sorted on a snapshot: the times move while other callers use their buckets.
        List<Use> uses = new ArrayList<>(buckets.size());
        buckets.forEach((id, held) -> uses.add(new Use(id, held, held.lastUsedNanos)));
        uses.sort(Comparator.comparingLong(Use::lastUsedNanos));
        int excess = uses.size() - afterEviction;
        for (int i = 0; i < excess; i++) {
            buckets.remove(uses.get(i).id(), uses.get(i).held());
        }
    }
}
