package com.quantdesk.sim.feed;

import com.quantdesk.core.market.FeedHealthEvent;
import com.quantdesk.core.market.StaleFeedDetector;
import com.quantdesk.core.market.Tick;
import com.quantdesk.core.market.TickSource;
import com.quantdesk.core.time.MarketTime;
import java.time.Instant;
import java.time.InstantSource;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A tick source that uses a primary source while it is healthy and a secondary one while the
 * primary is stale.
 *
 * <p>Both sources are polled on every {@link #poll()} (a hot standby), so the primary's health is
 * known while the secondary is in use; only the active source's ticks are returned. The primary
 * is stale after {@link FailoverConfig#staleAfter()} without a tick in market hours (judged by a
 * {@link StaleFeedDetector} on the injected clock; a primary that never ticks counts from
 * construction). It is used again once it has ticked for {@link FailoverConfig#recoverAfter()}
 * without going stale. Each switch is reported to the listener.
 *
 * <p>Around a switch the two sources' ticks may overlap or go back in time; a
 * {@link com.quantdesk.core.market.TickFilter} downstream drops what is out of order. Not
 * thread-safe: poll from one thread.
 */
public final class FailoverFeed implements TickSource {

    private static final DateTimeFormatter IST_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'IST'").withZone(MarketTime.IST);

    private final TickSource primary;
    private final TickSource secondary;
    private final InstantSource clock;
    private final FailoverConfig config;
    private final Consumer<? super FeedSwitched> listener;
    private final StaleFeedDetector<FeedRole> detector;
    private FeedRole active = FeedRole.PRIMARY;
    /** When a stale primary's fresh ticks began, while waiting to switch back; else null. */
    private Instant primaryBackSince;

    /** A feed preferring {@code primary}, reporting switches to {@code listener}. */
    public FailoverFeed(TickSource primary, TickSource secondary, InstantSource clock, FailoverConfig config,
            Consumer<? super FeedSwitched> listener) {
        this.primary = Objects.requireNonNull(primary, "primary");
        this.secondary = Objects.requireNonNull(secondary, "secondary");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.config = Objects.requireNonNull(config, "config");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.detector = new StaleFeedDetector<>(config.staleAfter(), config.hours(), clock, this::onPrimaryHealth);
        detector.watch(FeedRole.PRIMARY);
    }

    /** The source in use. */
    public FeedRole active() {
        return active;
    }

    /** Polls both sources, switches if the primary's health calls for it, and returns the active source's ticks. */
    @Override
    public List<Tick> poll() {
        List<Tick> fromPrimary = primary.poll();
        List<Tick> fromSecondary = secondary.poll();
        for (Tick tick : fromPrimary) {
            detector.onTick(FeedRole.PRIMARY, tick.time());
        }
        detector.check();
        Instant now = clock.instant();
        if (active == FeedRole.SECONDARY && primaryBackSince != null
                && !now.isBefore(primaryBackSince.plus(config.recoverAfter()))) {
            switchTo(FeedRole.PRIMARY, now, "primary recovered, ticking again since " + IST_TIME.format(primaryBackSince)
                    + ", switched back to primary");
            primaryBackSince = null;
        }
        return active == FeedRole.PRIMARY ? fromPrimary : fromSecondary;
    }

    private void onPrimaryHealth(FeedHealthEvent<FeedRole> event) {
        switch (event) {
            case FeedHealthEvent.WentStale<FeedRole> stale -> {
                primaryBackSince = null;
                if (active == FeedRole.PRIMARY) {
                    switchTo(FeedRole.SECONDARY, stale.detectedAt(), "primary stale since "
                            + IST_TIME.format(stale.lastSeen()) + ", switched to secondary");
                }
            }
            case FeedHealthEvent.Recovered<FeedRole> recovered -> primaryBackSince = recovered.recoveredAt();
        }
    }

    private void switchTo(FeedRole role, Instant at, String message) {
        active = role;
        listener.accept(new FeedSwitched(role, at, message));
    }
}
