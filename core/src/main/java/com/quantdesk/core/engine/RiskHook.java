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

    /** The engine clock moved to {@code now}: session rollover, square-off, staleness. */
    void onTime(Instant now);

    /**
     * Applies a configuration command.
     *
     * @return what changed, for the audit event
     * @throws IllegalArgumentException when the command is invalid (nothing changes)
     */
    Change apply(RiskCommand command);

    /** Re-applies a configuration change read back from the journal during recovery. */
    void recover(com.quantdesk.core.event.RiskConfigChanged change);

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
