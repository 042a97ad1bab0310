package com.quantdesk.app.sandbox;

import com.quantdesk.kite.rest.KiteClient;
import com.quantdesk.kite.rest.KiteConfig;
import com.quantdesk.kite.rest.KiteLogin;
import com.quantdesk.kite.rest.KiteResilience;
import com.quantdesk.kite.rest.KiteSession;
import com.quantdesk.kite.rest.KiteTransport;
import com.quantdesk.kite.rest.Sleeper;
import com.quantdesk.kite.ticker.KiteTicker;
import com.quantdesk.kite.ticker.TickerConfig;
import com.quantdesk.kite.ticker.TickerListener;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A {@link KiteSandbox} and the real Kite client logged in to it through the checksum. The client's
 * transport runs on a virtual clock that only its own waits (rate-limit permits, backoff, the
 * pause before an uncertain order is looked up) and the test move, so limits and breakers behave
 * the same on every run and cost no real time.
 */
final class KiteOnSandbox implements AutoCloseable {

    static final String KEY = "it_key";
    static final String SECRET = "it_secret";

    final KiteSandbox sandbox;
    final VirtualClock clock = new VirtualClock(Instant.parse("2026-12-03T04:00:00Z"));
    final KiteConfig config;
    final KiteTransport transport;
    final KiteSession session;
    final KiteClient client;

    private KiteOnSandbox(SandboxConfig sandboxConfig, KiteResilience resilience, Duration requestTimeout) {
        this.sandbox = KiteSandbox.start(sandboxConfig);
        try {
            this.config = new KiteConfig(sandbox.restUrl(), URI.create(sandbox.restUrl() + "/connect/login"), KEY,
                    SECRET, java.util.Optional.empty(), Duration.ofSeconds(2), requestTimeout);
            this.transport = new KiteTransport(config, resilience, clock, clock, new SplittableRandom(7));
            // The login is not what a test examines: it gets a generous timeout of its own, so a cold first
            // call on a loaded machine does not trip a test's short one (meant for the faults it injects).
            KiteConfig loginConfig = new KiteConfig(sandbox.restUrl(), URI.create(sandbox.restUrl() + "/connect/login"),
                    KEY, SECRET, java.util.Optional.empty(), Duration.ofSeconds(10), Duration.ofSeconds(30));
            try (KiteTransport login = new KiteTransport(loginConfig, KiteResilience.DEFAULTS, clock, clock,
                    new SplittableRandom(7))) {
                this.session = new KiteLogin(login).createSession(sandbox.issueRequestToken());
            }
            this.client = new KiteClient(transport, session);
        } catch (RuntimeException e) {
            sandbox.close();
            throw e;
        }
    }

    /** A sandbox stepping its market every 100 ms, the client logged in. */
    static KiteOnSandbox start(long seed, KiteResilience resilience, Duration requestTimeout) {
        return new KiteOnSandbox(SandboxConfig.defaults(KEY, SECRET).withSeed(seed)
                .withTickInterval(Duration.ofMillis(100)), resilience, requestTimeout);
    }

    /** A ticker on the sandbox for this session: quick reconnects, stale after {@code staleAfter}. */
    KiteTicker ticker(TickerListener listener, Duration staleAfter) {
        TickerConfig tickerConfig = TickerConfig.of(sandbox.tickerUrl(), KEY, session.accessToken())
                .withBackoff(Duration.ofMillis(50), Duration.ofMillis(250)).withStaleAfter(staleAfter);
        return KiteTicker.create(tickerConfig, listener);
    }

    @Override
    public void close() {
        transport.close();
        sandbox.close();
    }

    /** A clock moved by the client's waits (it is also its {@link Sleeper}) and by the test. */
    static final class VirtualClock implements InstantSource, Sleeper {
        private final AtomicReference<Instant> now;
        private final List<Duration> waits = new CopyOnWriteArrayList<>();

        VirtualClock(Instant start) {
            this.now = new AtomicReference<>(start);
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        @Override
        public void sleep(Duration duration) {
            waits.add(duration);
            advance(duration);
        }

        void advance(Duration duration) {
            now.updateAndGet(t -> t.plus(duration));
        }

        List<Duration> waits() {
            return List.copyOf(waits);
        }
    }
}
