package com.quantdesk.core.event;

import com.quantdesk.core.domain.AccountId;
import com.quantdesk.core.domain.BotId;
import com.quantdesk.core.risk.TradingState;
import java.time.Instant;

/**
 * The trading state of the engine or an account changed.
 *
 * @param sequence    position in the event stream
 * @param time        engine time
 * @param account     account
 * @param bot         bot
 * @param causationId id of the command this follows from
 * @param previous    state before
 * @param current     state after
 * @param reason      why
 * @param actor       who asked
 */
public record TradingStateChanged(long sequence, Instant time, AccountId account, BotId bot, long causationId,
        TradingState previous, TradingState current, String reason, String actor) implements Event {
}
