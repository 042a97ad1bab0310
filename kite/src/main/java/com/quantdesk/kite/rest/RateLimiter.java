package com.quantdesk.kite.rest;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Objects;

/**
 * A client-side rate limit made of windows that must all have room: sliding windows ("10 per
 * second", "400 per minute") and a calendar-day cap in IST ("5,000 per day"). Time comes from an
 * injected clock, so tests are deterministic.
 *
 * <p>{@link #tryAcquire()} never blocks: it takes a permit and answers {@link Duration#ZERO}, or
 * takes nothing and answers how long until a permit could be free. Waiting is the caller's choice
 * ({@link KiteTransport} waits up to {@link KiteResilience#maxRateLimitWait()}).
 */
public final class RateLimiter {

    private static final ZoneId IST = ZoneId.of("Asia/Kolkata");

    private final InstantSource clock;
    private final List<SlidingWindow> windows;
    private final int perDay;
    private LocalDate day;
    private int usedToday;

    private RateLimiter(InstantSource clock, List<SlidingWindow> windows, int perDay) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.windows = windows;
        this.perDay = perDay;
    }

    /** At most {@code permits} per {@code period}, sliding. */
    public static RateLimiter of(InstantSource clock, int permits, Duration period) {
        return new RateLimiter(clock, List.of(new SlidingWindow(permits, period)), Integer.MAX_VALUE);
    }

    /** Kite's order limits: 10 per second, 400 per minute, 5,000 per IST calendar day. */
    public static RateLimiter forOrders(InstantSource clock) {
        return new RateLimiter(clock, List.of(new SlidingWindow(10, Duration.ofSeconds(1)),
                new SlidingWindow(400, Duration.ofMinutes(1))), 5_000);
    }

    /** Kite's limit for an endpoint class (kite-connect.md A.10). */
    public static RateLimiter forClass(EndpointClass endpointClass, InstantSource clock) {
        return switch (endpointClass) {
            case QUOTE -> of(clock, 1, Duration.ofSeconds(1));
            case HISTORICAL -> of(clock, 3, Duration.ofSeconds(1));
            case ORDERS -> forOrders(clock);
            case OTHER -> of(clock, 10, Duration.ofSeconds(1));
        };
    }

    /**
     * Takes a permit if every window has room and answers zero; otherwise takes nothing and
     * answers the wait until one could be free (up to the next IST midnight for the day cap).
     */
    public synchronized Duration tryAcquire() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, IST);
        if (!today.equals(day)) {
            day = today;
            usedToday = 0;
        }
        if (usedToday >= perDay) {
            return Duration.between(now, today.plusDays(1).atStartOfDay(IST).toInstant());
        }
        Duration wait = Duration.ZERO;
        for (SlidingWindow window : windows) {
            Duration w = window.waitAt(now);
            if (w.compareTo(wait) > 0) {
                wait = w;
            }
        }
        if (!wait.isZero()) {
            return wait;
        }
        windows.forEach(window -> window.record(now));
        usedToday++;
        return Duration.ZERO;
    }

    /** Remembers the grant times of the last {@code permits} calls within one period. */
    private static final class SlidingWindow {
        private final int permits;
        private final Duration period;
        private final ArrayDeque<Instant> granted = new ArrayDeque<>();

        SlidingWindow(int permits, Duration period) {
            if (permits < 1 || period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("a window needs permits ≥ 1 and a positive period");
            }
            this.permits = permits;
            this.period = period;
        }

        Duration waitAt(Instant now) {
            while (!granted.isEmpty() && !granted.peekFirst().plus(period).isAfter(now)) {
                granted.pollFirst();
            }
            return granted.size() < permits ? Duration.ZERO : Duration.between(now, granted.peekFirst().plus(period));
        }

        void record(Instant now) {
            granted.addLast(now);
        }
    }
}
