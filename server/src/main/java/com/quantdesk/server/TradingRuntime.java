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
}
