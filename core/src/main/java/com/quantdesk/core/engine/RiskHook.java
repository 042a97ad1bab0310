package com.quantdesk.core.engine;

import com.quantdesk.core.command.RiskCommand;
import com.quantdesk.core.domain.Bar;
import java.time.Instant;

/**
 * The engine's attachment point for a risk engine: it checks every order, hears every event and bar,
 * is woken by the engine clock, and handles risk configuration commands.
 */
public interface RiskHook extends PreTradeCheck, EngineListener {

    /** Called once when attached. */
    void bind(EngineView view, EngineControl control);

    /** A bar arrived (before strategies see it). */
    void onBar(Bar bar);

    /**
     * Market data arrived at engine time {@code time} (a tick, in live and paper trading): the feed is
     * alive, whatever bar it will end up in.
     */
    default void marketDataSeen(Instant time) {
    }

    /** The engine clock moved to {@code now}: session rollover, square-off, staleness. */
    void onTime(Instant now);

    /**
     * Applies a configuration command.
     *
     * @return what changed, for the audit event
     * @throws IllegalArgumentException when the command is invalid (nothing changes)
     */
    Change apply(RiskCommand command);

    /**
     * Recovery: one journaled event, in order, before the engine starts. The risk engine rebuilds
     * from it what decides orders: configuration changes, session records, recorded closes, and the
     * order counters and duplicate window that submissions and rejects feed. It acts on nothing
     * (whatever it did then is in the journal too).
     */
    void recover(com.quantdesk.core.event.Event event);

    /** Recovery is over; the engine is about to start. */
    default void recovered() {
    }

    /**
     * Adds what the risk engine holds that decides orders to {@code facts}, as {@code risk/...} keys
     * with text values, for {@link TradingEngine#describeState()}; time-dependent facts are given as
     * of {@code asOf} (the time of the engine's last event).
     */
    default void describe(java.util.Map<String, String> facts, Instant asOf) {
    }

    /**
     * A configuration change.
     *
     * @param account  account concerned or {@code _system}
     * @param bot      bot concerned or {@code _none}
     * @param item     what changed
     * @param previous old value as text
     * @param current  new value as text
     */
    record Change(com.quantdesk.core.domain.AccountId account, com.quantdesk.core.domain.BotId bot, String item,
                  String previous, String current) {
    }
}
