package com.quantdesk.kite;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Exponential delays with a cap and "equal jitter", for the ticker's reconnects and the REST
 * client's retried reads: attempt {@code n} (from 0) waits between half and all of
 * {@code min(initial × 2ⁿ, max)}, so clients that failed together do not all come back in the same
 * instant. The random generator is injected, so a seeded one gives a reproducible sequence; it may
 * be called from several threads.
 */
public final class Backoff {

    private final Duration initial;
    private final Duration max;
    private final RandomGenerator random;

    /**
     * @throws IllegalArgumentException if {@code initial} is negative or {@code max} is below it (0 and 0: no
     *                                  wait at all, for tests)
     */
    public Backoff(Duration initial, Duration max, RandomGenerator random) {
        this.initial = Objects.requireNonNull(initial, "initial");
        this.max = Objects.requireNonNull(max, "max");
        this.random = Objects.requireNonNull(random, "random");
        if (initial.isNegative() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("need 0 <= initial <= max, was " + initial + " and " + max);
        }
    }

    /** The delay before reconnect attempt {@code attempt} (0 for the first). */
    public Duration delay(int attempt) {
        long capMillis = cap(attempt).toMillis();
        long half = capMillis / 2;
        long jitter;
        synchronized (random) {
            jitter = random.nextLong(capMillis - half + 1);
        }
        return Duration.ofMillis(half + jitter);
    }

    /** The delay of {@code attempt} before jitter: {@code min(initial × 2^attempt, max)}. */
    public Duration cap(int attempt) {
        if (attempt < 0) {
            throw new IllegalArgumentException("negative attempt " + attempt);
        }
        if (attempt >= 62) {
            return max;
        }
        long millis = initial.toMillis();
        long factor = 1L << attempt;
        return millis > max.toMillis() / factor ? max : Duration.ofMillis(millis * factor);
    }
}
