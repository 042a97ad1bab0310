package com.quantdesk.kite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void doublesFromTheInitialDelayUpToTheCap() {
        Backoff backoff = new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(30), new SplittableRandom(1));

        assertThat(java.util.stream.IntStream.range(0, 7).mapToObj(backoff::cap).map(Duration::toSeconds))
                .containsExactly(2L, 4L, 8L, 16L, 30L, 30L, 30L);
        assertThat(backoff.cap(1_000)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void jittersBetweenHalfAndAllOfTheCappedDelay() {
        Backoff backoff = new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(30), new SplittableRandom(7));

        for (int attempt = 0; attempt < 40; attempt++) {
            long cap = backoff.cap(attempt).toMillis();
            assertThat(backoff.delay(attempt).toMillis()).isBetween(cap / 2, cap);
        }
    }

    @Test
    void aSeededGeneratorGivesTheSameDelays() {
        Backoff a = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5), new SplittableRandom(42));
        Backoff b = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5), new SplittableRandom(42));

        for (int attempt = 0; attempt < 10; attempt++) {
            assertThat(a.delay(attempt)).isEqualTo(b.delay(attempt));
        }
    }

    @Test
    void rejectsBoundsOutOfOrder() {
        assertThatThrownBy(() -> new Backoff(Duration.ofMillis(-1), Duration.ofSeconds(1), new SplittableRandom()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), new SplittableRandom()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
