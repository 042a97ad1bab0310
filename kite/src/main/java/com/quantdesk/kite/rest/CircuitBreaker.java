package com.quantdesk.kite.rest;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;

/**
 * A circuit breaker for one endpoint class: closed → open after {@code failureThreshold}
 * consecutive failures → half-open once {@code coolDown} has passed on the injected clock, letting
 * one trial call through → closed when it succeeds, open again when it fails.
 *
 * <p>A "failure" is a retryable error (timeouts, broken connections, 429, 5xx): an answer such as
 * {@code InputException} shows Kite is up and counts as a success.
 */
public final class CircuitBreaker {

    /** The breaker's state; {@link #ordinal()} is 0, 1, 2 for a gauge. */
    public enum State {
        /** Calls pass. */
        CLOSED,
        /** Calls are rejected until the cool-down has passed. */
        OPEN,
        /** One trial call is let through. */
        HALF_OPEN
    }

    private final InstantSource clock;
    private final int failureThreshold;
    private final Duration coolDown;
    private State state = State.CLOSED;
    private int consecutiveFailures;
    private Instant openedAt;
    private boolean trialInFlight;

    /** A closed breaker. */
    public CircuitBreaker(InstantSource clock, int failureThreshold, Duration coolDown) {
        if (failureThreshold < 1) {
            throw new IllegalArgumentException("failure threshold must be at least 1");
        }
        this.clock = Objects.requireNonNull(clock, "clock");
        this.failureThreshold = failureThreshold;
        this.coolDown = Objects.requireNonNull(coolDown, "coolDown");
    }

    /** The current state, moving an open breaker to half-open if its cool-down has passed. */
    public synchronized State state() {
        if (state == State.OPEN && !clock.instant().isBefore(openedAt.plus(coolDown))) {
            state = State.HALF_OPEN;
            trialInFlight = false;
        }
        return state;
    }

    /** Whether a call may go now; in half-open only one trial at a time. */
    public synchronized boolean tryPass() {
        return switch (state()) {
            case CLOSED -> true;
            case OPEN -> false;
            case HALF_OPEN -> {
                if (trialInFlight) {
                    yield false;
                }
                trialInFlight = true;
                yield true;
            }
        };
    }

    /** Records a successful call: closes the breaker. */
    public synchronized void onSuccess() {
        consecutiveFailures = 0;
        trialInFlight = false;
        state = State.CLOSED;
    }

    /** Records a failed call: opens the breaker at the threshold, or again after a failed trial. */
    public synchronized void onFailure() {
        consecutiveFailures++;
        trialInFlight = false;
        if (state == State.HALF_OPEN || consecutiveFailures >= failureThreshold) {
            state = State.OPEN;
            openedAt = clock.instant();
        }
    }

    /** Gives back a trial permit that was not used (the call was never sent). */
    public synchronized void release() {
        trialInFlight = false;
    }
}
