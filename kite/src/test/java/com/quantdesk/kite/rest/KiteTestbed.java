package com.quantdesk.kite.rest;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;

/** A fake Kite, a fake clock and a client wired to them. */
final class KiteTestbed implements AutoCloseable {

    static final String API_KEY = "kitefront";
    static final String API_SECRET = "s3cr3t";
    static final String ACCESS_TOKEN = "acc355t0k3n";
    static final Instant START = Instant.parse("2026-12-03T04:00:00Z");

    final FakeKite kite;
    final MutableClock clock = new MutableClock(START);
    final AdvancingSleeper sleeper = new AdvancingSleeper(clock);
    final KiteTransport transport;
    final KiteClient client;

    KiteTestbed() throws IOException {
        this(KiteResilience.DEFAULTS, null, Duration.ofSeconds(5));
    }

    KiteTestbed(KiteResilience resilience, String algoId, Duration requestTimeout) throws IOException {
        kite = new FakeKite();
        KiteConfig config = KiteConfig.of(API_KEY, API_SECRET).withApiRoot(kite.root())
                .withTimeouts(Duration.ofSeconds(2), requestTimeout);
        if (algoId != null) {
            config = config.withAlgoId(algoId);
        }
        transport = new KiteTransport(config, resilience, clock, sleeper, new SplittableRandom(7));
        client = new KiteClient(transport, new KiteSession(ACCESS_TOKEN, "AB1234", START));
    }

    @Override
    public void close() {
        kite.close();
        transport.close();
    }
}
