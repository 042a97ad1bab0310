package com.quantdesk.app.sandbox;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The REST faults the sandbox injects, switchable at run time (through {@code /sandbox/faults} or
 * this API): added latency, a share of 429 answers, a share of 5xx answers, a share of requests
 * that hang. Which request is hit is drawn from a {@link Random} seeded by the sandbox's seed, so a
 * run with the same requests in the same order fails the same ones. A 429 never executes the
 * request; a 5xx and a hang either stop it before it runs or, with {@code afterHandling}, let it
 * run and lose its answer (an order placed whose confirmation never arrives). Thread-safe.
 */
public final class FaultSwitches {

    private final long seed;
    private final CountDownLatch closed = new CountDownLatch(1);
    private Random random;
    private Duration latency = Duration.ZERO;
    private double tooManyRequestsRate;
    private double serverErrorRate;
    private int serverErrorStatus = 503;
    private double hangRate;
    private Duration hangFor = Duration.ofSeconds(30);
    private boolean afterHandling;

    FaultSwitches(long seed) {
        this.seed = seed;
        this.random = new Random(seed);
    }

    /** What one request suffers, drawn once per request. */
    enum Outcome { PASS, TOO_MANY_REQUESTS, SERVER_ERROR, HANG }

    /** Adds this much latency to every REST answer. */
    public synchronized FaultSwitches latency(Duration added) {
        if (added.isNegative()) {
            throw new IllegalArgumentException("latency must not be negative, was " + added);
        }
        this.latency = added;
        return this;
    }

    /** Answers this share of requests (0–1) with 429 NetworkException "Too many requests". */
    public synchronized FaultSwitches tooManyRequests(double rate) {
        this.tooManyRequestsRate = rate(rate);
        return this;
    }

    /** Answers this share of requests (0–1) with {@code status} (500, 502, 503 or 504). */
    public synchronized FaultSwitches serverErrors(double rate, int status) {
        if (status < 500 || status > 599) {
            throw new IllegalArgumentException("status must be 5xx, was " + status);
        }
        this.serverErrorRate = rate(rate);
        this.serverErrorStatus = status;
        return this;
    }

    /** Holds this share of requests (0–1) unanswered for {@code duration}, past any sane client timeout. */
    public synchronized FaultSwitches hangs(double rate, Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("hang duration must not be negative, was " + duration);
        }
        this.hangRate = rate(rate);
        this.hangFor = duration;
        return this;
    }

    /** Whether 5xx answers and hangs come after the request was carried out (true) or instead of it. */
    public synchronized FaultSwitches afterHandling(boolean after) {
        this.afterHandling = after;
        return this;
    }

    /** Switches every fault off and restarts the random draws from the seed. */
    public synchronized FaultSwitches reset() {
        latency = Duration.ZERO;
        tooManyRequestsRate = 0;
        serverErrorRate = 0;
        serverErrorStatus = 503;
        hangRate = 0;
        hangFor = Duration.ofSeconds(30);
        afterHandling = false;
        random = new Random(seed);
        return this;
    }

    /** The switches as the admin endpoint shows them. */
    public synchronized Map<String, Object> describe() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("latency_ms", latency.toMillis());
        d.put("rate_429", tooManyRequestsRate);
        d.put("rate_5xx", serverErrorRate);
        d.put("status_5xx", serverErrorStatus);
        d.put("rate_hang", hangRate);
        d.put("hang_ms", hangFor.toMillis());
        d.put("after_handling", afterHandling);
        return d;
    }

    /** Draws the fate of one request. */
    synchronized Outcome draw() {
        if (tooManyRequestsRate > 0 && random.nextDouble() < tooManyRequestsRate) {
            return Outcome.TOO_MANY_REQUESTS;
        }
        if (serverErrorRate > 0 && random.nextDouble() < serverErrorRate) {
            return Outcome.SERVER_ERROR;
        }
        if (hangRate > 0 && random.nextDouble() < hangRate) {
            return Outcome.HANG;
        }
        return Outcome.PASS;
    }

    synchronized Duration latency() {
        return latency;
    }

    synchronized int serverErrorStatus() {
        return serverErrorStatus;
    }

    synchronized boolean isAfterHandling() {
        return afterHandling;
    }

    /** Blocks the calling request thread for the hang duration, or until the sandbox closes. */
    void hang() throws InterruptedException {
        Duration duration;
        synchronized (this) {
            duration = hangFor;
        }
        closed.await(duration.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Delays the calling request thread by the latency, or until the sandbox closes. */
    void delay() throws InterruptedException {
        Duration duration = latency();
        if (!duration.isZero()) {
            closed.await(duration.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Releases every held request; called when the sandbox closes. */
    void release() {
        closed.countDown();
    }

    private static double rate(double rate) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("rate must be in [0, 1], was " + rate);
        }
        return rate;
    }
}
