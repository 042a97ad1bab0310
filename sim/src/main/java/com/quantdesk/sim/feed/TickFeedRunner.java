package com.quantdesk.sim.feed;

import com.quantdesk.core.market.Tick;
import com.quantdesk.core.market.TickSource;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls a {@link TickSource} on its own timer thread and pushes every tick to a sink.
 *
 * <p>The sink runs on the runner's thread ({@code tick-feed}); an engine sink must hand ticks to
 * its inbox rather than touch engine state. If the source or the sink throws, the runner stops and
 * keeps the failure ({@link #failure()}) rather than skipping ticks: a stopped feed is what the
 * stale-feed detector is there to notice, a silently gappy one is not.
 */
public final class TickFeedRunner implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TickFeedRunner.class);

    private final TickSource source;
    private final Consumer<? super Tick> sink;
    private final Duration period;
    private final ScheduledExecutorService timer;
    private volatile Throwable failure;

    /**
     * A runner polling {@code source} every {@code period} once started.
     *
     * @throws IllegalArgumentException if the period is not positive
     */
    public TickFeedRunner(TickSource source, Consumer<? super Tick> sink, Duration period) {
        this.source = Objects.requireNonNull(source, "source");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.period = Objects.requireNonNull(period, "period");
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("period must be positive, was " + period);
        }
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "tick-feed");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts polling now and then every period. Call once. */
    public void start() {
        timer.scheduleAtFixedRate(this::pump, 0, period.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Whether the runner is polling: started, not closed and not failed. */
    public boolean isRunning() {
        return !timer.isShutdown() && failure == null;
    }

    /** What stopped the runner, if something failed. */
    public Optional<Throwable> failure() {
        return Optional.ofNullable(failure);
    }

    /** Stops polling and waits up to a second for a poll in progress to finish. */
    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void pump() {
        try {
            for (Tick tick : source.poll()) {
                sink.accept(tick);
            }
        } catch (RuntimeException e) {
            failure = e;
            LOG.error("tick feed stopped: {}", e.toString(), e);
            timer.shutdown();
        }
    }
}
