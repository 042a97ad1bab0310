package com.quantdesk.kite.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.quantdesk.kite.rest.CircuitBreaker.State;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T04:00:00Z"));
    private final CircuitBreaker breaker = new CircuitBreaker(clock, 3, Duration.ofSeconds(30));

    @Test
    void opensAfterThresholdConsecutiveFailures() {
        breaker.onFailure();
        breaker.onFailure();
        assertThat(breaker.state()).isEqualTo(State.CLOSED);
        assertThat(breaker.tryPass()).isTrue();

        breaker.onFailure();

        assertThat(breaker.state()).isEqualTo(State.OPEN);
        assertThat(breaker.tryPass()).isFalse();
    }

    @Test
    void successResetsTheFailureCount() {
        breaker.onFailure();
        breaker.onFailure();
        breaker.onSuccess();
        breaker.onFailure();
        breaker.onFailure();

        assertThat(breaker.state()).isEqualTo(State.CLOSED);
    }

    @Test
    void turnsHalfOpenAfterCoolDownAndLetsOneTrialThrough() {
        open();
        clock.advance(Duration.ofSeconds(29));
        assertThat(breaker.state()).isEqualTo(State.OPEN);

        clock.advance(Duration.ofSeconds(1));

        assertThat(breaker.state()).isEqualTo(State.HALF_OPEN);
        assertThat(breaker.tryPass()).isTrue();
        assertThat(breaker.tryPass()).isFalse();
    }

    @Test
    void successfulTrialCloses() {
        open();
        clock.advance(Duration.ofSeconds(30));
        assertThat(breaker.tryPass()).isTrue();

        breaker.onSuccess();

        assertThat(breaker.state()).isEqualTo(State.CLOSED);
    }

    @Test
    void failedTrialOpensAgainForAnotherCoolDown() {
        open();
        clock.advance(Duration.ofSeconds(30));
        assertThat(breaker.tryPass()).isTrue();

        breaker.onFailure();

        assertThat(breaker.state()).isEqualTo(State.OPEN);
        clock.advance(Duration.ofSeconds(29));
        assertThat(breaker.state()).isEqualTo(State.OPEN);
        clock.advance(Duration.ofSeconds(1));
        assertThat(breaker.state()).isEqualTo(State.HALF_OPEN);
    }

    @Test
    void releasedTrialLetsTheNextCallTry() {
        open();
        clock.advance(Duration.ofSeconds(30));
        assertThat(breaker.tryPass()).isTrue();

        breaker.release();

        assertThat(breaker.tryPass()).isTrue();
    }

    private void open() {
        for (int i = 0; i < 3; i++) {
            breaker.onFailure();
        }
        assertThat(breaker.state()).isEqualTo(State.OPEN);
    }
}
