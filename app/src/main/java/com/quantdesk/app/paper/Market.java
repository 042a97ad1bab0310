package com.quantdesk.app.paper;

import com.quantdesk.core.engine.BrokerGateway;
import com.quantdesk.core.engine.EngineLoop;
import com.quantdesk.core.engine.TradingEngine;
import com.quantdesk.core.event.Event;
import com.quantdesk.sim.data.InstrumentMaster;
import java.time.Instant;
import java.util.Map;

/**
 * Where a running process's prices come from and where its orders go: the synthetic NSE with its
 * simulated venue ({@link PaperMarket}), or a broker's feed and order entry (live trading).
 * Unless said otherwise, methods run on the engine thread (or on the constructing thread before the
 * engine thread exists).
 */
public interface Market extends AutoCloseable {

    /** The instruments traded. */
    InstrumentMaster instruments();

    /** Where orders go. */
    BrokerGateway venue();

    /**
     * Hears every event of the journal: replayed on a restart, then each new one (a broker venue
     * learns its order ids and booked trades from them).
     */
    default void onJournalEvent(Event event) {
    }

    /** Connects the market to the engine and the board the API reads. */
    void bind(TradingEngine engine, MarketBoard board);

    /**
     * Settles the orders that were in flight when the process stopped, before anything new may be
     * sent. Runs before the engine thread exists.
     */
    Settled settle(TradingEngine engine);

    /**
     * Primes the bots with history up to {@code now} (no orders on it).
     *
     * @return bars the bots were primed with
     */
    long warmUp(Instant now);

    /** Starts the feed; ticks are handed to the engine thread through {@code loop}. Any thread. */
    void start(EngineLoop loop);

    /** Timer work on the engine thread. */
    void onTimer(Instant now);

    /** The filter, bars and staleness watch every tick goes through. */
    MarketPipeline pipeline();

    /** Whether market data is fresh enough to trade on. Any thread. */
    default boolean fresh() {
        return pipeline().fresh();
    }

    /** The feed in use, for the status line. Any thread. */
    String activeFeed();

    /** Whether ticks come from the standby source now (the primary went stale). Any thread. */
    boolean onFallback();

    /** Ticks that passed the data-quality filter. */
    default long ticksAccepted() {
        return pipeline().ticksAccepted();
    }

    /** Ticks the filter dropped, by reason. */
    default Map<String, Long> ticksDropped() {
        return pipeline().ticksDropped();
    }

    /** Stops the feed (and a broker's connections). */
    @Override
    void close();

    /**
     * How the orders in flight at the stop were settled.
     *
     * @param cancelled         orders a cancel had been asked for: the cancel is honoured (or sent again) first
     * @param restoredAtVenue   working orders found working again (put back in a simulated book, or
     *                          found at the broker)
     * @param notAcknowledged   orders the venue never took: rejected, not resent
     */
    record Settled(int cancelled, int restoredAtVenue, int notAcknowledged) {
    }
}
