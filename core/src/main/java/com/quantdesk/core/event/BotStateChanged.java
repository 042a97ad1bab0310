package com.quantdesk.core.event;

import com.quantdesk.core.bot.BotState;
import com.quantdesk.core.domain.AccountId;
import com.quantdesk.core.domain.BotId;
import java.time.Instant;

/**
 * A bot was started, paused, resumed, stopped or deleted, by an operator or because its strategy
 * failed.
 *
 * @param sequence    position in the event stream
 * @param time        engine time
 * @param account     the bot's account
 * @param bot         the bot
 * @param causationId id of the command this follows from (0 when the engine did it)
 * @param previous    state before
 * @param current     state after
 * @param reason      why
 * @param actor       who ({@code engine} when a strategy failed)
 */
public record BotStateChanged(long sequence, Instant time, AccountId account, BotId bot, long causationId,
                              BotState previous, BotState current, String reason, String actor) implements Event {
}
