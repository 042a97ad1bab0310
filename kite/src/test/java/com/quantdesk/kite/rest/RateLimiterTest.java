package com.quantdesk.kite.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T04:00:00Z"));

    @Test
    void quoteClassAllowsOnePerSecond() {
        RateLimiter limiter = RateLimiter.forClass(EndpointClass.QUOTE, clock);

        assertThat(limiter.tryAcquire()).isZero();
        assertThat(limiter.tryAcquire()).isEqualTo(Duration.ofSeconds(1));
        clock.advance(Duration.ofMillis(400));
        assertThat(limiter.tryAcquire()).isEqualTo(Duration.ofMillis(600));
        clock.advance(Duration.ofMillis(600));
        assertThat(limiter.tryAcquire()).isZero();
    }

    @Test
    void historicalClassAllowsThreePerSecond() {
        RateLimiter limiter = RateLimiter.forClass(EndpointClass.HISTORICAL, clock);

        for (int i = 0; i < 3; i++) {
            assertThat(limiter.tryAcquire()).isZero();
            clock.advance(Duration.ofMillis(100));
        }
        assertThat(limiter.tryAcquire()).isEqualTo(Duration.ofMillis(700));
    }

    @Test
    void otherClassAllowsTenPerSecond() {
        RateLimiter limiter = RateLimiter.forClass(EndpointClass.OTHER, clock);

        for (int i = 0; i < 10; i++) {
            assertThat(limiter.tryAcquire()).isZero();
        }
        assertThat(limiter.tryAcquire()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void ordersAreLimitedToTenPerSecondAndFourHundredPerMinute() {
        RateLimiter limiter = RateLimiter.forOrders(clock);

        int granted = 0;
        for (int second = 0; second < 40; second++) {
            for (int i = 0; i < 10; i++) {
                if (limiter.tryAcquire().isZero()) {
                    granted++;
                }
            }
            assertThat(limiter.tryAcquire()).isPositive();
            clock.advance(Duration.ofSeconds(1));
        }
        assertThat(granted).isEqualTo(400);
        // 40 s into the minute, the first second's ten permits come back only after 60 s.
        assertThat(limiter.tryAcquire()).isEqualTo(Duration.ofSeconds(20));
        clock.advance(Duration.ofSeconds(20));
        assertThat(limiter.tryAcquire()).isZero();
    }

    @Test
    void ordersAreCappedAtFiveThousandPerIstDayAndTheCapResetsAtIstMidnight() {
        clock.set(Instant.parse("2026-12-03T04:00:00Z"));
        RateLimiter limiter = RateLimiter.forOrders(clock);

        for (int i = 0; i < 5_000; i++) {
            assertThat(limiter.tryAcquire()).isZero();
            clock.advance(Duration.ofSeconds(1));
        }
        // 04:00Z + 5000 s = 05:23:20Z = 10:53:20 IST; IST midnight is 18:30Z.
        assertThat(limiter.tryAcquire()).isEqualTo(Duration.between(clock.instant(),
                Instant.parse("2026-12-03T18:30:00Z")));
        clock.set(Instant.parse("2026-12-03T18:30:00Z"));
        assertThat(limiter.tryAcquire()).isZero();
    }
}
