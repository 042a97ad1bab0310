package com.quantdesk.server.limits;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalRateLimiterTest extends RateLimiterContract {

    private static final Limit HUNDRED_A_MINUTE = new Limit("api", 100, Duration.ofMinutes(1));

    private final FakeNanoTime time = new FakeNanoTime();
    private final LocalRateLimiter limiter = new LocalRateLimiter(time);

    @Override
    RateLimiter limiter() {
        return limiter;
    }

    @Test
    void allowsTheCapacityWithinAWindowAndRefusesTheNextRequestUntilTheWindowEnds() {
        for (int i = 1; i <= 100; i++) {
            assertThat(limiter.tryAcquire("user:asha", HUNDRED_A_MINUTE))
                    .isEqualTo(new Decision(true, 100, 100 - i, 60, 0));
        }
        time.advance(Duration.ofMillis(20_500));

        assertThat(limiter.tryAcquire("user:asha", HUNDRED_A_MINUTE)).isEqualTo(new Decision(false, 100, 0, 40, 40));
        time.advance(Duration.ofMillis(39_499));
        assertThat(limiter.tryAcquire("user:asha", HUNDRED_A_MINUTE)).isEqualTo(new Decision(false, 100, 0, 1, 1));
    }

    @Test
    void peekingTakesNoTokenAndSaysWhenTheNextOneComesBack() {
        Limit five = new Limit("failures", 5, Duration.ofMinutes(5));
        assertThat(limiter.peek("ip:10.0.0.1", five)).isEqualTo(new Decision(true, 5, 5, 0, 0));
        for (int i = 0; i < 5; i++) {
            limiter.tryAcquire("ip:10.0.0.1", five);
        }
        assertThat(limiter.peek("ip:10.0.0.1", five)).isEqualTo(new Decision(false, 5, 0, 300, 300));
        time.advance(Duration.ofSeconds(299));
        assertThat(limiter.peek("ip:10.0.0.1", five)).isEqualTo(new Decision(false, 5, 0, 1, 1));
        assertThat(limiter.peek("ip:10.0.0.1", five)).isEqualTo(new Decision(false, 5, 0, 1, 1));
        time.advance(Duration.ofSeconds(1));
        assertThat(limiter.peek("ip:10.0.0.1", five)).isEqualTo(new Decision(true, 5, 5, 0, 0));
    }

    @Test
    void givesAllTokensBackAtOnceWhenTheWindowEnds() {
        for (int i = 0; i < 100; i++) {
            limiter.tryAcquire("user:asha", HUNDRED_A_MINUTE);
        }
        time.advance(Duration.ofMinutes(1));

        assertThat(limiter.tryAcquire("user:asha", HUNDRED_A_MINUTE)).isEqualTo(new Decision(true, 100, 99, 60, 0));
    }

    @Test
    void doesNotHandTokensBackBitByBitWithinTheWindow() {
        limiter.tryAcquire("user:asha", HUNDRED_A_MINUTE);
        time.advance(Duration.ofSeconds(59));

        assertThat(limiter.tryAcquire("user:asha", HUNDRED_A_MINUTE)).isEqualTo(new Decision(true, 100, 98, 1, 0));
    }

    @Test
    void startsAFreshBucketWhenALimitIsReshaped() {
        Limit five = new Limit("login", 5, Duration.ofMinutes(1));
        Limit ten = new Limit("login", 10, Duration.ofMinutes(1));
        for (int i = 0; i < 5; i++) {
            limiter.tryAcquire("ip:10.0.0.1", five);
        }

        assertThat(limiter.tryAcquire("ip:10.0.0.1", ten)).isEqualTo(new Decision(true, 10, 9, 60, 0));
    }

    @Test
    void grantsExactlyTheCapacityToConcurrentCallers() throws Exception {
        assertThat(grantedConcurrently(List.of(limiter), new Limit("orders", 500, Duration.ofMinutes(1)), 8, 1_000))
                .isEqualTo(500);
    }

    @Test
    void forgetsBucketsIdleForLongerThanTheirPeriod() {
        Limit login = new Limit("login", 1, Duration.ofMinutes(1));
        limiter.tryAcquire("ip:10.0.0.1", login);
        limiter.tryAcquire("ip:10.0.0.2", login);
        limiter.tryAcquire("ip:10.0.0.3", HUNDRED_A_MINUTE);
        time.advance(Duration.ofSeconds(61));

        limiter.tryAcquire("ip:10.0.0.4", login);

        assertThat(limiter.bucketCount()).isEqualTo(1);
        assertThat(limiter.tryAcquire("ip:10.0.0.1", login)).isEqualTo(new Decision(true, 1, 0, 60, 0));
    }

    @Test
    void keepsBucketsStillInTheirWindowWhenSweeping() {
        Limit login = new Limit("login", 1, Duration.ofMinutes(1));
        Limit daily = new Limit("daily", 1, Duration.ofDays(1));
        limiter.tryAcquire("ip:10.0.0.1", daily);
        time.advance(Duration.ofSeconds(61));

        limiter.tryAcquire("ip:10.0.0.2", login);

        assertThat(limiter.bucketCount()).isEqualTo(2);
        assertThat(limiter.tryAcquire("ip:10.0.0.1", daily).allowed()).isFalse();
    }

    @Test
    void neverHoldsMoreBucketsThanItsCapAndForgetsTheLeastRecentlyUsedFirst() {
        LocalRateLimiter capped = new LocalRateLimiter(time, 10);
        Limit login = new Limit("login", 1, Duration.ofMinutes(1));

        for (int i = 1; i <= 50; i++) {
            capped.tryAcquire("ip:10.0.0." + i, login);
            time.advance(Duration.ofMillis(1));
            assertThat(capped.bucketCount()).isLessThanOrEqualTo(10);
        }

        assertThat(capped.tryAcquire("ip:10.0.0.50", login).allowed()).isFalse();
        assertThat(capped.tryAcquire("ip:10.0.0.1", login).allowed()).isTrue();
    }

    @Test
    void needsRoomForAtLeastOneBucket() {
        assertThatThrownBy(() -> new LocalRateLimiter(time, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxBuckets must be at least 1, not 0");
    }

    @Test
    void isAlwaysHealthy() {
        assertThat(limiter.healthy()).isTrue();
    }
}
