package com.quantdesk.server;

import com.quantdesk.core.engine.EngineLoop;
import com.quantdesk.core.risk.RiskEngine;
import com.quantdesk.store.Store;

/**
 * What the server needs of a running trading process (paper or live): the engine's inbox, the
 * store, and the market. Implemented by the composition root; the server never builds an engine.
 */
public interface TradingRuntime {

    /** The engine's thread: commands and reads go through it. */
    EngineLoop engine();

    /** The journal (durability) and the query tables. */
    Store store();

    /** The risk engine attached to the engine (its state is the engine thread's). */
    RiskEngine risk();

    /** Instruments, quotes and recent bars. */
    MarketView market();

    /** {@code paper} or {@code live}. */
    String mode();

    /** Whether market data arrived recently enough to trade on. */
    boolean marketDataFresh();

    /** Whether the exchange's session is open now (NSE's normal market, on the runtime's clock). */
    boolean marketOpen();

    /** Routes a broker calls without signing in (postbacks); none by default. */
    default java.util.List<Webhook> webhooks() {
        return java.util.List.of();
    }

    /**
     * Registers the runtime's own gauges (a broker adapter's circuit breakers, its feed) in the
     * server's registry, so they are scraped with the rest at {@code /metrics}; none by default.
     */
    default void bindMetrics(io.micrometer.core.instrument.MeterRegistry registry) {
    }

    /**
     * What the preflight needs beyond the store: the environment, the backup schedule, the live
     * accounts and the directories written. By default the process environment, no scheduled backups,
     * no live accounts and the server's data directory.
     */
    default com.quantdesk.server.preflight.PreflightSetup.Facts preflightFacts(java.nio.file.Path dataDirectory) {
        return com.quantdesk.server.preflight.PreflightSetup.Facts.of(System.getenv(), dataDirectory);
    }
}
