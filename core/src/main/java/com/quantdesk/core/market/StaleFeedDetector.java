package com.quantdesk.core.market;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Notices when a feed (or a symbol of it) goes quiet while the market is open, and when it comes
 * back.
 *
 * <p>Silence counts only inside market hours: a key is stale at {@link #check()} time when the
 * market is open and neither a tick nor the start of the current session is within the threshold,
 * so a feed is not stale at 09:15 just because its last tick was yesterday. Each stale episode is
 * reported once ({@link FeedHealthEvent.WentStale}); the first fresh tick afterwards (one younger
 * than the threshold by the engine clock) ends it ({@link FeedHealthEvent.Recovered}). A replayed
 * old tick does not.
 *
 * <p>Time comes from the injected clock; tick times are the feed's. Call {@code check} from a
 * timer. Not thread-safe: call from one thread.
 *
 * @param <K> what is watched: a feed name, a {@code Symbol}, …
 */
public final class StaleFeedDetector<K> {

    private final Duration threshold;
    private final MarketHours hours;
    private final InstantSource clock;
    private final Consumer<? super FeedHealthEvent<K>> listener;
    private final Map<K, Watch> watches = new LinkedHashMap<>();

    /**
     * A detector calling {@code listener} when a key has had no tick for {@code threshold} of open
     * market.
     *
     * @throws IllegalArgumentException if the threshold is not positive
     */
    public StaleFeedDetector(Duration threshold, MarketHours hours, InstantSource clock,
            Consumer<? super FeedHealthEvent<K>> listener) {
        this.threshold = Objects.requireNonNull(threshold, "threshold");
        this.hours = Objects.requireNonNull(hours, "hours");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.listener = Objects.requireNonNull(listener, "listener");
        if (threshold.isNegative() || threshold.isZero()) {
            throw new IllegalArgumentException("threshold must be positive, was " + threshold);
        }
    }

    /**
     * Starts watching {@code key} from now, so a feed that never ticks is reported too. Keys are
     * also watched from their first tick without this call. Watching a known key changes nothing.
     */
    public void watch(K key) {
        Objects.requireNonNull(key, "key");
        watches.computeIfAbsent(key, k -> new Watch(clock.instant()));
    }

    /** Records a tick of {@code key} at feed time {@code tickTime}; may report a recovery. */
    public void onTick(K key, Instant tickTime) {
        Watch watch = watches.get(key);
        if (watch == null) {
            watch = new Watch(tickTime);
            watches.put(Objects.requireNonNull(key, "key"), watch);
        }
        if (tickTime.isAfter(watch.lastSeen)) {
            watch.lastSeen = tickTime;
        }
        watch.ticked = true;
        if (watch.stale) {
            Instant now = clock.instant();
            if (tickTime.plus(threshold).isAfter(now)) {
                watch.stale = false;
                listener.accept(new FeedHealthEvent.Recovered<>(key, watch.silentSince, tickTime, now));
            }
        }
    }

    /** Reports every key that has just gone stale. Does nothing while the market is closed. */
    public void check() {
        Instant now = clock.instant();
        Optional<Instant> open = hours.openSince(now);
        if (open.isEmpty()) {
            return;
        }
        List<FeedHealthEvent<K>> found = new ArrayList<>();
        for (Map.Entry<K, Watch> entry : watches.entrySet()) {
            Watch watch = entry.getValue();
            Instant reference = watch.lastSeen.isAfter(open.get()) ? watch.lastSeen : open.get();
            if (!watch.stale && !now.isBefore(reference.plus(threshold))) {
                watch.stale = true;
                watch.silentSince = watch.lastSeen;
                found.add(new FeedHealthEvent.WentStale<>(entry.getKey(), watch.lastSeen, now));
            }
        }
        // Reported after the scan, so a listener may watch new keys.
        found.forEach(listener);
    }

    /** Whether {@code key} is in a stale episode. */
    public boolean isStale(K key) {
        Watch watch = watches.get(key);
        return watch != null && watch.stale;
    }

    /** Time of the latest tick of {@code key}, if it has ticked. */
    public Optional<Instant> lastTick(K key) {
        Watch watch = watches.get(key);
        return watch == null || !watch.ticked ? Optional.empty() : Optional.of(watch.lastSeen);
    }

    /** The staleness threshold. */
    public Duration threshold() {
        return threshold;
    }

    /** One key's last tick and episode state. */
    private static final class Watch {

        Instant lastSeen;
        boolean ticked;
        boolean stale;
        Instant silentSince;

        Watch(Instant since) {
            this.lastSeen = since;
        }
    }
}
